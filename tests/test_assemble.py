import io
import subprocess
import sys
import textwrap
import time
import wave

import pytest

from tests import synthetic
from tts_edition import audio
from mutagen.id3 import ID3
from mutagen.mp3 import MP3 as MutagenMP3

from tts_edition.assemble import Pauses, assemble, join_pcm, make_timeline
from tts_edition.errors import BuildError
from tts_edition.files import remove_stale
from tts_edition.formats import MP3, Tags, write_files
from tts_edition.model import AudioSpec, Level, Piece
from tts_edition.publish import edition_tags

RATE = synthetic.RATE


def test_pauses_grow_with_level():
    p = Pauses()
    assert p.after(Level.CHUNK) < p.after(Level.SENTENCE) < p.after(Level.PARAGRAPH) < p.after(Level.ARTICLE)


def test_join_counts_every_sample_and_pause(tmp_path):
    pauses = Pauses(chunk=0.1, sentence=0.2, paragraph=0.3, article=0.5, lead_in=0.25, lead_out=1.0)
    pieces = [Piece("a", Level.CHUNK, 0, 0, False), Piece("b", Level.SENTENCE, 0, 0), Piece("c", Level.ARTICLE, 0, 1)]
    wavs = [synthetic.write_wav(tmp_path / f"{i}.wav", s) for i, s in enumerate([1.0, 0.5, 2.0])]
    buf = io.BytesIO()
    joined = join_pcm(pieces, wavs, pauses, buf)
    ms = RATE // 1000  # samples per millisecond
    assert joined.spans == [(250 * ms, 1250 * ms), (1350 * ms, 1850 * ms), (2050 * ms, 4050 * ms)]
    assert joined.total == 5050 * ms  # the last piece is followed by the lead-out, not its pause
    assert len(buf.getvalue()) == 2 * joined.total


def test_timeline_has_a_chapter_per_article_and_a_cue_per_sentence(tmp_path):
    ed = synthetic.edition(articles=3, sentences=2)
    pieces = synthetic.pieces_for(ed)
    wavs = synthetic.wavs_for(pieces, tmp_path)
    joined = join_pcm(pieces, wavs, Pauses(), io.BytesIO())
    tl = make_timeline(pieces, joined, ed)

    assert [c.title for c in tl.chapters] == [a.title for a in ed.articles]
    assert tl.chapters[0].start == 0
    assert all(a.end == b.start for a, b in zip(tl.chapters, tl.chapters[1:]))
    assert tl.chapters[-1].end == tl.duration == round(joined.total / RATE, 3)
    # chapter 2 starts where its title announcement starts
    title_piece = next(i for i, p in enumerate(pieces) if p.article == 1)
    assert tl.chapters[1].start == round(joined.spans[title_piece][0] / RATE, 3)

    sentences = [c for c in tl.cues if c.kind == "sentence"]
    assert [c.text for c in sentences] == [s.text for s in ed.sentences()]
    # sentence 1 was read in two chunks: its cue runs from the first chunk's start to the second's end
    chunks = [i for i, p in enumerate(pieces) if p.sentence == 1]
    assert len(chunks) == 2
    assert sentences[1].start == round(joined.spans[chunks[0]][0] / RATE, 3)
    assert sentences[1].end == round(joined.spans[chunks[1]][1] / RATE, 3)
    assert all(c.start < c.end <= n.start for c, n in zip(tl.cues, tl.cues[1:]))


def test_every_spoken_title_has_its_cue_where_its_chapter_starts(tmp_path):
    ed = synthetic.edition(articles=3, sentences=2)
    pieces = synthetic.pieces_for(ed)
    tl = make_timeline(pieces, join_pcm(pieces, synthetic.wavs_for(pieces, tmp_path), Pauses(), io.BytesIO()), ed)
    titles = [c for c in tl.cues if c.kind == "title"]
    assert [c.text for c in titles] == [a.title for a in ed.articles]
    # the chapter's first cue is its title, from the moment the voice starts reading it
    assert [c.start for c in titles][1:] == [ch.start for ch in tl.chapters][1:]
    assert titles[0].start == Pauses().lead_in


def test_rejects_pieces_in_another_format(tmp_path):
    ok = synthetic.write_wav(tmp_path / "ok.wav", 0.5)
    other = synthetic.write_wav(tmp_path / "other.wav", 0.5, rate=22050)
    pieces = [Piece("a", Level.SENTENCE, 0, 0), Piece("b", Level.ARTICLE, 0, 1)]
    with pytest.raises(BuildError, match=r"22050|24000"):
        join_pcm(pieces, [ok, other], Pauses(), io.BytesIO())
    with pytest.raises(BuildError, match="2 pieces but 1"):
        join_pcm(pieces, [ok], Pauses(), io.BytesIO())


def test_rejects_a_file_that_is_not_wav(tmp_path):
    bad = tmp_path / "bad.wav"
    bad.write_bytes(b"not a wav")
    with pytest.raises(BuildError, match="not a readable WAV"):
        join_pcm([Piece("a", Level.ARTICLE, 0, 0)], [bad], Pauses(), io.BytesIO())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("assemble")
    ed = synthetic.edition(articles=3, sentences=3)
    pieces = synthetic.pieces_for(ed)
    wavs = synthetic.wavs_for(pieces, tmp / "wavs")
    tl = synthetic.encode(pieces, wavs, ed, tmp, edition_tags(ed))
    mp3 = tmp / "edition.mp3"
    return tmp, mp3, tl


def test_assembled_mp3_lasts_what_the_timeline_says(built):
    tmp, mp3, tl = built
    from tests.publish.rules import decoded_duration

    assert abs(decoded_duration(mp3) - tl.duration) < 0.03
    assert not list(tmp.glob(".*")), "temporary files are cleaned up"


def test_assembled_mp3_meets_the_loudness_target(built):
    _, mp3, _ = built
    measured = audio.measure_ebur128(mp3)
    assert abs(measured.integrated - (-19.0)) <= 1.0
    assert measured.true_peak <= -1.0


def test_bitrate_is_configurable(tmp_path):
    ed = synthetic.edition(articles=1, sentences=1)
    pieces = synthetic.pieces_for(ed)
    wavs = synthetic.wavs_for(pieces, tmp_path)
    synthetic.encode(pieces, wavs, ed, tmp_path, Tags("t", "a", "p"), bitrate=96)
    mp3 = tmp_path / "edition.mp3"
    from mutagen.mp3 import MP3

    assert MP3(mp3).info.bitrate == 96_000


def test_killed_while_writing_the_mp3_leaves_the_previous_edition(tmp_path):
    """The subprocess is killed after ffmpeg wrote the new MP3 under its temporary name."""
    ed_dir = tmp_path / "edition"
    ed_dir.mkdir()
    previous = ed_dir / "edition.mp3"
    previous.write_bytes(b"previous edition")
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from tests import synthetic
        from tts_edition import audio
        from tts_edition.formats import MP3, Tags, write_files

        real = audio.encode
        def encode_then_hang(pcm, rate, out, *args, **kw):
            real(pcm, rate, out, *args, **kw)
            print(out.stat().st_size, flush=True)
            sys.stdin.read()  # killed here, before the rename
        audio.encode = encode_then_hang

        ed = synthetic.edition(1, 2)
        pieces = synthetic.pieces_for(ed)
        wavs = synthetic.wavs_for(pieces, Path({str(tmp_path / "wavs")!r}))
        synthetic.encode(pieces, wavs, ed, Path({str(ed_dir)!r}), Tags("t", "a", "p"))
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    written = int(proc.stdout.readline())
    assert written > 1000  # the new MP3 really was being written
    proc.kill()
    proc.wait()
    assert previous.read_bytes() == b"previous edition"
    assert [p.name for p in ed_dir.glob(".*")], "the killed run left its temporary files"

    assert remove_stale(ed_dir) and not list(ed_dir.glob(".*")), "the next build sweeps them away"

    ed = synthetic.edition(1, 1)
    pieces = synthetic.pieces_for(ed)
    synthetic.encode(pieces, synthetic.wavs_for(pieces, tmp_path / "w2"), ed, ed_dir, Tags("t", "a", "p"))
    assert previous.read_bytes()[:3] == b"ID3"


def test_wav_reader_agrees_with_synthetic_lengths(tmp_path):
    path = synthetic.write_wav(tmp_path / "a.wav", 1.5)
    with wave.open(str(path)) as w:
        assert w.getnframes() == 1.5 * RATE


def test_peaky_audio_is_limited_below_the_true_peak_target(tmp_path):
    """Quiet speech with loud clicks: the gain alone would push the clicks far over -1 dBTP."""
    import numpy as np

    ed = synthetic.edition(articles=1, sentences=2)
    pieces = synthetic.pieces_for(ed, split_every=0)
    wavs = []
    for i in range(len(pieces)):
        t = np.arange(3 * RATE) / RATE
        x = 0.03 * np.sin(2 * np.pi * 200 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t))
        x[:: RATE // 3] = 0.95  # a click every third of a second
        path = tmp_path / f"{i}.wav"
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes((x * 32767).astype("<i2").tobytes())
        wavs.append(path)
    synthetic.encode(pieces, wavs, ed, tmp_path, Tags("t", "a", "p"))
    measured = audio.measure_ebur128(tmp_path / "edition.mp3")
    assert measured.true_peak <= -1.0
    assert abs(measured.integrated - (-19.0)) <= 1.0


def test_join_reads_each_piece_only_once_it_has_arrived_in_order(tmp_path):
    """Assembly can start while pieces are still being voiced: it waits for each in turn."""
    pieces = [Piece(t, Level.SENTENCE, 0, i) for i, t in enumerate("abc")]
    wavs = [tmp_path / f"{i}.wav" for i in range(3)]
    asked = []

    def wait(wav):  # the piece is "voiced" only when assembly asks for it
        asked.append(wav)
        if not wav.exists():
            synthetic.write_wav(wav, 0.5)

    joined = join_pcm(pieces, wavs, Pauses(), io.BytesIO(), wait)
    assert list(dict.fromkeys(asked)) == wavs
    assert len(joined.spans) == 3


def test_loudness_measured_as_the_audio_is_written_equals_a_pass_over_the_file(tmp_path):
    wav = synthetic.write_wav(tmp_path / "a.wav", 3.0)
    with wave.open(str(wav)) as w:
        pcm = w.readframes(w.getnframes())
    (tmp_path / "a.pcm").write_bytes(pcm)
    meter = audio.LoudnessMeter(RATE)
    for start in range(0, len(pcm), 10_000):
        meter.write(pcm[start : start + 10_000])
    streamed = meter.result()
    whole = audio.measure_ebur128(tmp_path / "a.pcm", audio.raw_input_args(tmp_path / "a.pcm", RATE))
    assert streamed == whole
    assert -70 < streamed.integrated < 0


def _arriving(folder, pieces, levels):
    """Pieces voiced one by one as assembly asks for them (3 s each, at ``levels[i]``), and a
    check run when the last is asked for: has the MP3 begun before the last piece is voiced?"""
    wavs = [folder / "pieces" / f"{i}.wav" for i in range(len(pieces))]
    wavs[0].parent.mkdir()
    encoding_before_the_last = []

    def wait(wav):
        if wav.exists():
            return
        if wav == wavs[-1]:
            deadline = time.monotonic() + 60
            while not (begun := any(f.stat().st_size for f in folder.glob(".scratch.*.mp3"))):
                if time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            encoding_before_the_last.append(begun)
        synthetic.write_wav(wav, 3.0, freq=180 + 15 * (wavs.index(wav) % 7), seed=wavs.index(wav), level=levels[wavs.index(wav)])

    return wavs, wait, encoding_before_the_last


def test_the_mp3_is_encoded_while_the_later_pieces_arrive(tmp_path):
    ed = synthetic.edition(articles=4, sentences=12)
    pieces = synthetic.pieces_for(ed, split_every=0)
    wavs, wait, encoding_before_the_last = _arriving(tmp_path, pieces, [1.0] * len(pieces))
    with assemble(pieces, wavs, ed, Pauses(), tmp_path, AudioSpec(), wait=wait) as assembled:
        assert assembled.mp3 is not None  # the guess from the first half held
        write_files(assembled, tmp_path, [MP3()], tags=Tags("t", "a", "p"), bitrate=64)
    assert encoding_before_the_last == [True]
    mp3 = tmp_path / "edition.mp3"
    assert MutagenMP3(mp3).info.length == pytest.approx(assembled.timeline.duration, abs=0.05)
    measured = audio.measure_ebur128(mp3)
    assert abs(measured.integrated - (-19.0)) <= 0.5
    assert measured.true_peak <= -1.0
    assert len(ID3(mp3).getall("CHAP")) == 4


def test_a_much_louder_second_half_is_encoded_again_on_target(tmp_path):
    ed = synthetic.edition(articles=4, sentences=12)
    pieces = synthetic.pieces_for(ed, split_every=0)
    half = len(pieces) // 2
    wavs, wait, _ = _arriving(tmp_path, pieces, [1.0] * half + [3.0] * (len(pieces) - half))
    with assemble(pieces, wavs, ed, Pauses(), tmp_path, AudioSpec(), wait=wait) as assembled:
        assert assembled.mp3 is None  # the live guess missed: encoded again from the PCM
        write_files(assembled, tmp_path, [MP3()], tags=Tags("t", "a", "p"), bitrate=64)
    measured = audio.measure_ebur128(tmp_path / "edition.mp3")
    assert abs(measured.integrated - (-19.0)) <= 0.5
    assert measured.true_peak <= -1.0

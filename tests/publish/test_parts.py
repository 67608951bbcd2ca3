import io

import pytest

from tests import synthetic
from tts_edition.assemble import Pauses, durations, join_pcm, make_timeline
from tts_edition.errors import UserError
from tts_edition.publish.parts import article_seconds, group_articles, pieces_of, plan_parts


def test_articles_fill_as_few_parts_as_the_limit_allows():
    assert group_articles([10 * 60] * 6, max_minutes=30) == [[0, 1, 2], [3, 4, 5]]
    assert group_articles([5 * 60] * 3, max_minutes=60) == [[0, 1, 2]]


def test_parts_are_evened_out_below_the_limit():
    # greedy filling to 60 minutes would give 50 + 10; two parts of 30 are as few and even
    assert group_articles([10 * 60] * 6, max_minutes=50) == [[0, 1, 2], [3, 4, 5]]


def test_an_article_longer_than_the_limit_is_a_part_of_its_own():
    parts = group_articles([5 * 60, 50 * 60, 5 * 60], max_minutes=20)
    assert parts == [[0], [1], [2]]


def test_every_part_stays_under_the_limit_unless_one_article_is_longer():
    seconds = [(i * 37 % 11 + 1) * 60 for i in range(40)]
    parts = group_articles(seconds, max_minutes=25)
    assert [i for p in parts for i in p] == list(range(40))
    assert all(sum(seconds[i] for i in p) <= 25 * 60 for p in parts)


def test_a_zero_limit_is_a_user_error():
    with pytest.raises(UserError):
        group_articles([1.0], max_minutes=0)


def test_plan_parts_from_real_audio_lengths(tmp_path):
    ed = synthetic.edition(articles=4, sentences=2)
    pieces = synthetic.pieces_for(ed, split_every=0)
    wavs = synthetic.wavs_for(pieces, tmp_path, seconds=lambda i: 20.0)
    lengths = durations(wavs)
    joined = join_pcm(pieces, wavs, Pauses(), io.BytesIO())
    assert lengths == [(end - start) / joined.sample_rate for start, end in joined.spans] == [20.0] * len(pieces)
    seconds = article_seconds(pieces, lengths, Pauses())
    assert seconds[0] == pytest.approx(3 * 20 + Pauses().paragraph + Pauses().sentence + Pauses().article)
    assert plan_parts(pieces, lengths, Pauses()) == [[0, 1, 2, 3]]
    assert plan_parts(pieces, [], Pauses(), split="articles") == [[0], [1], [2], [3]]
    assert plan_parts(pieces, lengths, Pauses(), max_minutes=2.2) == [[0, 1], [2, 3]]
    with pytest.raises(UserError):
        plan_parts(pieces, lengths, Pauses(), split="pages")


def test_a_part_has_its_own_chapters_from_zero(tmp_path):
    ed = synthetic.edition(articles=4, sentences=1)
    pieces = synthetic.pieces_for(ed, split_every=0)
    wavs = synthetic.wavs_for(pieces, tmp_path)
    part_pieces, part_wavs = pieces_of([2, 3], pieces, wavs)
    timeline = make_timeline(part_pieces, join_pcm(part_pieces, part_wavs, Pauses(), io.BytesIO()), ed)
    assert [c.title for c in timeline.chapters] == [ed.articles[2].title, ed.articles[3].title]
    assert timeline.chapters[0].start == 0
    assert [c.text for c in timeline.cues if c.kind == "sentence"] == [s.text for s in ed.sentences()[2:]]
    assert [c.text for c in timeline.cues if c.kind == "title"] == [a.title for a in ed.articles[2:4]]

import pytest

from tts_edition import presets
from tts_edition.errors import UserError
from tts_edition.model import AudioSpec, Pauses, Prosody


def test_standard_preset_reads_at_normal_speed_with_growing_pauses():
    standard = presets.load("standard")
    assert standard.engine == "offline"
    assert standard.prosody == Prosody(0, 0, 0)
    pauses = standard.pauses
    assert pauses.chunk < pauses.sentence < pauses.paragraph < pauses.article
    assert standard.audio.loudness == -19.0 and standard.audio.true_peak <= -1.0


def test_every_shipped_preset_loads():
    assert "standard" in presets.available()
    for name in presets.available():
        assert presets.load(name).name == name


def test_options_override_single_settings_and_leave_the_rest():
    standard = presets.load("standard")
    slower = standard.with_options(rate="-15%", engine=None, bitrate=96)
    assert slower.prosody == Prosody(rate=-15)
    assert slower.audio.bitrate == 96 and slower.audio.loudness == standard.audio.loudness
    assert slower.engine == standard.engine and slower.pauses == standard.pauses


def test_a_preset_can_be_a_file_of_ones_own(tmp_path):
    mine = tmp_path / "slow.toml"
    mine.write_text('engine = "edge"\n[voice]\nedge = "zh-CN-XiaoxiaoNeural"\nrate = "-20%"\n')
    preset = presets.load(str(mine))
    assert preset.voice_for("edge") == "zh-CN-XiaoxiaoNeural"
    assert preset.prosody.rate == -20


@pytest.mark.parametrize("value", ["10%", "+10", "fast", "+1.5%"])
def test_malformed_rates_are_refused(value):
    with pytest.raises(UserError, match="rate"):
        presets.load("standard").with_options(rate=value)


def test_unknown_preset_names_the_available_ones():
    with pytest.raises(UserError, match="standard"):
        presets.load("nonexistent")


def test_broken_preset_file_is_a_user_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("engine = \n")
    with pytest.raises(UserError, match=r"bad\.toml"):
        presets.load(str(bad))


def test_elder_is_slower_with_longer_pauses_and_announcements():
    standard, elder = presets.load("standard"), presets.load("elder")
    assert -20 <= elder.prosody.rate <= -10
    assert elder.pauses.article >= 2.0
    levels = ("chunk", "sentence", "paragraph", "article")
    assert all(getattr(elder.pauses, k) > getattr(standard.pauses, k) for k in levels)
    assert elder.announce_count and elder.intro and elder.outro


def test_brief_reads_only_first_paragraphs():
    assert presets.load("brief").first_paragraph_only


def test_any_setting_can_be_overridden_with_set():
    elder = presets.load("elder").with_settings(["pauses.article=5", "announce_count=false", 'outro=""'])
    assert elder.pauses.article == 5.0
    assert not elder.announce_count and elder.outro == ""


@pytest.mark.parametrize("setting", ["pauses.between=1", "colour=red", "loudness"])
def test_unknown_or_malformed_settings_are_refused(setting):
    with pytest.raises(UserError, match="--set"):
        presets.load("standard").with_settings([setting])


def test_describe_says_what_a_preset_changes():
    assert "rate -15%" in presets.describe(presets.load("elder"))
    assert "first paragraphs only" in presets.describe(presets.load("brief"))


@pytest.mark.parametrize("given", ["file", "--set"])
def test_a_mistyped_pause_is_refused_by_name_with_the_pauses_there_are(tmp_path, given):
    """Once accepted, voiced for minutes and then a traceback: now refused where it is read."""
    preset = tmp_path / "mine.toml"
    preset.write_text("[pauses]\nartcle = 3\n" if given == "file" else "")
    with pytest.raises(UserError) as refused:
        presets.load(str(preset)).with_settings(["pauses.artcle=3"])
    message = str(refused.value)
    assert "'artcle'" in message
    assert all(name in message for name in ("chunk", "sentence", "paragraph", "article", "lead_in", "lead_out"))


def test_pauses_and_the_audio_spec_are_typed_with_one_set_of_defaults(tmp_path):
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    preset = presets.load(str(empty))
    assert preset.pauses == Pauses() and preset.audio == AudioSpec() and preset.prosody == Prosody()
    changed = preset.with_settings(["pauses.lead_in=2", "loudness=-16"]).with_options(formats=["M4B"])
    assert changed.pauses == Pauses(lead_in=2.0)
    assert changed.audio == AudioSpec(loudness=-16.0, formats=("mp3", "m4b"))

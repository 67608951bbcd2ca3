"""feed.toml remembers what was given once, so later commands keep the same feed."""

import logging

import podcastparser
import pytest
import tomllib

from tests.publish.conftest import BASE
from tts_edition import publish
from tts_edition.publish.config import podcast_guid


def read(out):
    with open(out / "feed.xml", "rb") as f:
        return podcastparser.parse(BASE + "feed.xml", f)


def test_a_later_rebuild_without_the_base_url_keeps_the_http_feed_and_its_guid(output):
    publish.write_all(output, publish.remember(output, link=BASE, title="晨读", owner_email="me@example.org"))
    first = (output / "feed.xml").read_text("utf-8")
    publish.write_all(output, publish.remember(output))  # as `build` or `feed` without --base-url
    podcast = read(output)
    assert all(e["enclosures"][0]["url"].startswith(BASE) for e in podcast["episodes"])
    assert podcast["title"] == "晨读"
    saved = tomllib.loads((output / "feed.toml").read_text("utf-8"))
    assert saved["link"] == BASE and saved["guid"] == podcast_guid(BASE + "feed.xml")
    assert f"<podcast:guid>{saved['guid']}</podcast:guid>" in first
    assert f"<podcast:guid>{saved['guid']}</podcast:guid>" in (output / "feed.xml").read_text("utf-8")


def test_remembering_keeps_the_users_comments(output):
    (output / "feed.toml").write_text('# 我们的报纸\ntitle = "晨读"  # 节目名\n', encoding="utf-8")
    publish.write_all(output, publish.remember(output, link=BASE))
    text = (output / "feed.toml").read_text("utf-8")
    assert "# 我们的报纸" in text and "# 节目名" in text and f'link = "{BASE}"' in text


def test_a_local_feed_gets_no_guid_pinned_until_it_has_a_web_address(tmp_path):
    assert publish.remember(tmp_path).guid == ""
    assert not (tmp_path / "feed.toml").exists()
    assert publish.remember(tmp_path, link=BASE).guid == podcast_guid(BASE + "feed.xml")


def test_warns_once_when_a_published_feed_has_no_owner_email(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    publish.remember(tmp_path, link=BASE)
    warnings = [r.getMessage() for r in caplog.records if "owner e-mail" in r.getMessage()]
    assert len(warnings) == 1 and BASE in warnings[0]
    caplog.clear()
    publish.remember(tmp_path, owner_email="me@example.org")
    publish.remember(tmp_path / "local")  # a feed read from disk is not published: no warning
    assert not [r for r in caplog.records if "owner e-mail" in r.getMessage()]


def test_an_unknown_setting_is_refused_before_anything_is_written(output):
    before = (output / "feed.toml").read_text("utf-8")
    with pytest.raises(Exception, match="unknown feed setting"):
        publish.remember(output, nonsense="x")
    assert (output / "feed.toml").read_text("utf-8") == before

from lxml import html

from tts_edition.publish.page import write_page


def test_page_lists_editions_newest_first_each_opening_its_player(output):
    page = html.parse(str(write_page(output, title="有声报纸 & 朋友"))).getroot()
    assert page.findtext(".//title") == "有声报纸 & 朋友"
    links = [a.get("href") for a in page.find_class("edition")]
    # the page itself, not the folder: opened from a disk, a folder link shows a directory listing
    assert links == ["2020-11-25-fumeng-xianbao-co/index.html", "2020-11-24-renmin-ribao/index.html"]
    assert "阜蒙县报 & <Co> 📰" in page.find_class("edition")[0].text_content()
    assert all((output / link).with_name("edition.mp3").exists() for link in links)

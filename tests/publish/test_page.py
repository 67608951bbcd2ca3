from lxml import html

from tts_edition.publish.page import write_page


def test_page_lists_editions_newest_first_each_with_a_player(output):
    page = html.parse(str(write_page(output, title="有声报纸 & 朋友"))).getroot()
    assert page.findtext(".//title") == "有声报纸 & 朋友"
    assert [h.text_content() for h in page.iter("h2")] == ["阜蒙县报 & <Co> 📰 2020年11月25日", "人民日报 2020年11月24日"]
    sources = [a.get("src") for a in page.iter("audio")]
    assert sources == ["2020-11-25-fumeng-xianbao-co/edition.mp3", "2020-11-24-renmin-ribao/edition.mp3"]
    assert all((output / s).exists() for s in sources)

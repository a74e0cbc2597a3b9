"""HTML files and pages, feeds and URLs, against a real HTTP server on localhost (see conftest)."""
from warwire.ingest import Fetcher

from .conftest import FEED, STORY_PAGE
from .helpers import read


def test_html_file_main_text_and_metadata(tmp_path):
    (tmp_path / "story.html").write_bytes(STORY_PAGE)
    [a], rejected = read(tmp_path / "story.html")
    assert rejected == []
    assert "killing five civilians" in a.text
    assert "tracking junk" not in a.text and "All rights reserved" not in a.text and "Home" not in a.text
    assert a.title.startswith("Shelling kills five")
    assert (a.published, a.outlet, a.dateline) == ("2018-02-27", "Example Wire", ["Beirut"])


def test_hostile_html_scripts_and_deep_nesting(tmp_path):
    nested = b"<html><body>" + b"<div>" * 50_000 + b"<script>alert(1)</script>" + b"</div>" * 50_000 + b"</body></html>"
    (tmp_path / "nested.html").write_bytes(nested)
    arts, [r] = read(tmp_path / "nested.html")
    assert arts == [] and r.code == "E006" and r.where.endswith("nested.html")


def test_url_page(http_base):
    [a], rejected = read(f"{http_base}/story.html", fetch=Fetcher(timeout=5))
    assert rejected == []
    assert a.url == f"{http_base}/story.html" and a.origin == f"{http_base}/story.html"
    assert "killing five civilians" in a.text


def test_url_jsonl_by_content_type(http_base):
    [a], _ = read(f"{http_base}/articles.jsonl", fetch=Fetcher(timeout=5))
    assert (a.text, a.published) == ("Clashes erupted near Harasta on Sunday.", "2018-03-04")


def test_url_404_and_timeout_are_rejected(http_base):
    arts, rejected = read(f"{http_base}/gone.html", f"{http_base}/slow", f"{http_base}/story.html",
                          f"{http_base}/gone-feed.xml", fetch=Fetcher(timeout=0.5))
    assert len(arts) == 1  # the good URL after two bad ones is still read
    assert [r.code for r in rejected] == ["E005", "E005", "E005"]
    assert "404" in rejected[0].reason and rejected[0].where == f"{http_base}/gone.html"
    assert "timed out" in rejected[1].reason


def test_enormous_page_is_cut_with_a_warning(http_base):
    arts, rejected = read(f"{http_base}/huge.html", fetch=Fetcher(timeout=20))
    assert "E010" in [r.code for r in rejected] and all(not r.fatal for r in rejected)
    assert len(arts) == 1 and len(arts[0].text) <= 1_000_000


def test_feed_url_fetches_item_pages_and_falls_back_to_summary(http_base):
    arts, rejected = read(f"{http_base}/feed.xml", fetch=Fetcher(timeout=5))
    assert [a.title for a in arts] == ["Shelling kills five in Jisr al-Shughur", "Aid convoy reaches Douma"]
    page, summary = arts
    assert "market street" in page.text  # from the item's page, not its one-line description
    assert (page.source_id, page.outlet, page.published) == ("ew-1001", "Example Wire - Syria", "2018-02-27")
    assert summary.text == "A convoy of 46 aid trucks reached Douma in eastern Ghouta on Monday."
    assert summary.published == "2018-03-05" and summary.url == f"{http_base}/missing.html"
    [warning] = rejected  # the item page that 404s is a warning: the summary was used
    assert (warning.code, warning.fatal, warning.where) == ("E005", False, f"{http_base}/missing.html")


def test_feed_file_offline_uses_summaries(tmp_path):
    (tmp_path / "feed.xml").write_bytes(FEED.replace(b"{base}", b"http://127.0.0.1:9"))
    arts, rejected = read(tmp_path / "feed.xml")
    assert rejected == [] and len(arts) == 2
    assert arts[0].text == "Government artillery struck homes around Jisr al-Shughur."


def test_not_a_feed(tmp_path):
    (tmp_path / "broken.rss").write_text("<?xml version='1.0'?><rss><channel><title>x</title>")
    arts, [r] = read(tmp_path / "broken.rss")
    assert arts == [] and r.code == "E011"


def test_feed_host_that_times_out_is_tried_once(http_base):
    import time

    started = time.monotonic()
    arts, rejected = read(f"{http_base}/slowfeed.xml", fetch=Fetcher(timeout=0.5))
    assert len(arts) == 2  # both from their summaries
    assert [(r.code, r.fatal) for r in rejected] == [("E005", False)]
    assert time.monotonic() - started < 2.5


def test_feed_summary_html_becomes_lines_of_text():
    from warwire.ingest.feed import _plain

    summary = ('<div><p>Shelling hit <b>Saraqib</b> &amp; its market on Monday.</p>'
               '<script>track("x > y")</script><style>p{color:red}</style>'
               '<ul><li>Two dead</li><li>Five <i>wounded</i></li></ul>A last line<br>after a break</div>')
    assert _plain(summary) == ("Shelling hit Saraqib & its market on Monday.\nTwo dead\nFive wounded\n"
                               "A last line\nafter a break")
    assert _plain("") == "" and _plain("no markup at all") == "no markup at all"

"""A real HTTP server on localhost serving the pages, feeds and failures the URL tests read."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

STORY_PAGE = b"""<!doctype html><html><head><title>Shelling kills five in Jisr al-Shughur | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2018-02-27T09:00:00Z">
<script>window.tracker = function () { document.write('<p>tracking junk</p>'); };</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Shelling kills five in Jisr al-Shughur</h1>
<p>BEIRUT (Example Wire) - Government artillery struck farmland and homes around Jisr al-Shughur in Idlib province
on Monday, killing five civilians, two of them children, a war monitor said.</p>
<p>The shelling hit a market street in the early afternoon as people gathered to buy bread, the monitor
said, adding that the toll could go up as several of the wounded were badly hurt.</p>
<p>The government has not commented; its forces have stepped up their bombardment of the area over the
past week as they push an offensive further south.</p>
</article><footer>Copyright Example Wire. All rights reserved.</footer></body></html>"""

FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire - Syria</title><link>http://example.invalid/</link>
<description>Syria news</description>
<item><title>Shelling kills five in Jisr al-Shughur</title><link>{base}/story.html</link>
<guid>ew-1001</guid><pubDate>Tue, 27 Feb 2018 09:00:00 GMT</pubDate>
<description>Government artillery struck homes around Jisr al-Shughur.</description></item>
<item><title>Aid convoy reaches Douma</title><link>{base}/missing.html</link>
<guid>ew-1002</guid><pubDate>Mon, 05 Mar 2018 16:30:00 GMT</pubDate>
<description>&lt;p&gt;A convoy of 46 aid trucks reached &lt;b&gt;Douma&lt;/b&gt; in eastern Ghouta on Monday.&lt;/p&gt;</description></item>
</channel></rss>"""


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _send(self, status: int, ctype: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up first (timeout and size tests)
            pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}".encode()
        if self.path == "/story.html":
            self._send(200, "text/html; charset=utf-8", STORY_PAGE)
        elif self.path == "/feed.xml":
            self._send(200, "application/rss+xml", FEED.replace(b"{base}", base))
        elif self.path == "/slowfeed.xml":  # both items link to the slow page
            feed = FEED.replace(b"{base}/story.html", b"{base}/slow").replace(b"{base}/missing.html", b"{base}/slow")
            self._send(200, "application/atom+xml", feed.replace(b"{base}", base))
        elif self.path == "/articles.jsonl":
            self._send(200, "application/x-ndjson",
                       b'{"text": "Clashes erupted near Harasta on Sunday.", "date": "2018-03-04"}\n')
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, "text/html", STORY_PAGE)
        elif self.path == "/huge.html":
            self._send(200, "text/html", STORY_PAGE + b"<p>" + b"filler words " * 600_000 + b"</p>")
        else:
            self._send(404, "text/plain", b"not found")


@pytest.fixture(scope="module")
def http_base():
    """Base URL of a local server: /story.html, /feed.xml, /slowfeed.xml, /articles.jsonl, /slow (3 s), /huge.html, 404 otherwise."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()

"""A `warwire serve` subprocess over the API tests' fixture store, and headless Chromium to drive it."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from services import skip_unless_ci

from browsing import fx

CHROMIUM = "/usr/bin/chromium"
SAMPLE_DIR = Path(__file__).resolve().parents[2] / "warwire" / "data" / "sample"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(url: str):
    """Start `warwire --db URL serve` the way a user does; yields the base URL, stops it after."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "WARWIRE_TOKEN"}
    # The log goes to a file: a pipe nobody reads fills up after a few hundred requests and blocks the server.
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, "-c", "from warwire.cli import main; main()", "--db", url, "serve",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError("warwire serve exited: " + log.read().decode(errors="replace"))
            try:
                urllib.request.urlopen(base + "/api/stats", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("warwire serve did not answer within 30 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """(base URL, fixture ids) of a server over the fixture store built in code."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'warwire.db'}"
    ids = fx.build(url)
    for base in _serve(url):
        yield base, ids


@pytest.fixture(scope="session")
def served_two_wars(tmp_path_factory):
    """Base URL of a server over the fixture store and an air strike in the Yemeni city of Taizz."""
    from warwire.model import Event, Location
    from warwire.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('web-wars') / 'warwire.db'}"
    fx.build(url)
    store = open_store(url)
    taizz = Location(name="Ta'izz", country="Yemen", admin1="Taizz", admin2="Salh", lat=13.57952, lon=44.02091,
                     geo_precision=1)
    store.save_events([Event("ev-taizz", "Explosions/Remote violence", "Air/drone strike", date_start="2018-01-10",
                             date_end="2018-01-10", location=taizz, fatalities={"low": 2, "best": 2, "high": 2},
                             n_sources=1)])
    store.close()
    yield from _serve(url)


@pytest.fixture(scope="session")
def served_source_lists(tmp_path_factory):
    """Base URL of a server over a store whose articles' source fields list several outlets."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web-lists') / 'warwire.db'}"
    fx.build_source_lists(url)
    yield from _serve(url)


@pytest.fixture(scope="session")
def served_sample(tmp_path_factory):
    """Base URL of a server over the bundled sample, ingested, extracted and linked by the real pipeline."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web-sample') / 'warwire.db'}"
    fx.build_from_sample(url, SAMPLE_DIR)
    yield from _serve(url)


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        skip_unless_ci(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_page(chromium, bypass_csp: bool):
    """A page that can reach only our server (offline, like a field laptop); ``page.errors`` collects script errors."""
    context = chromium.new_context(viewport={"width": 1366, "height": 768}, bypass_csp=bypass_csp)
    # Nothing but our server answers: map tiles (or anything else from outside) fail, as offline.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1:")
                  else route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    requests: list[str] = []  # every URL the page asked for, ours or not
    context.on("request", lambda request: requests.append(request.url))
    page.requests = requests
    return page


@pytest.fixture
def page(chromium):
    """Without the server's Content-Security-Policy: the page's own escaping must keep scripts inert."""
    page = new_page(chromium, bypass_csp=True)
    yield page
    page.context.close()


@pytest.fixture
def csp_page(chromium):
    """With the server's Content-Security-Policy, as users get it."""
    page = new_page(chromium, bypass_csp=False)
    yield page
    page.context.close()

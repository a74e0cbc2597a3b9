"""Articles in the store: idempotent batches, near-duplicate links, filters, the extraction queue."""
from __future__ import annotations

import pytest

from warwire.model import Article
from warwire.store import open_store

STRIKE = ("Air strikes on Douma in eastern Ghouta on Monday killed at least 23 civilians, "
          "including six toddlers, the Syrian Observatory for Human Rights said. Rescue workers pulled "
          "bodies from the rubble of two buildings near the main market, and the toll was expected to rise "
          "as the bombardment of the enclave continued into the night.")
SHELLING = ("Rebel shelling of the Old City of Damascus wounded nine people on Tuesday, state media said, "
            "after mortar rounds fell near Bab Touma and a school in the Qassaa district. The army said it "
            "answered the fire from Jobar, on the eastern edge of the capital.")
PROTEST = "Hundreds marched in Idlib city on Friday against the new local council, witnesses said."


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()


def _article(text, **kw):
    return Article(text=text, **kw)


def test_same_article_twice_is_one_article(store):
    first = store.add_articles([_article(STRIKE, outlet="Levant Wire"), _article(SHELLING)])
    assert (first.new, first.duplicates, first.near_duplicates) == (2, 0, 0)
    # Whitespace and case do not make a new article: the id hashes the normalised text.
    again = store.add_articles([_article(STRIKE.upper().replace(" ", "  ")), _article(SHELLING)])
    assert (again.new, again.duplicates) == (0, 2)
    assert store.count_articles() == 2
    assert store.get_article(_article(STRIKE).id).outlet == "Levant Wire"


def test_duplicates_inside_one_batch(store):
    result = store.add_articles([_article(PROTEST), _article(PROTEST), _article(PROTEST + " ")])
    assert (result.new, result.duplicates) == (1, 2)
    assert store.count_articles() == 1


def test_empty_batch(store):
    assert store.add_articles([]).new == 0


def test_near_duplicate_points_to_the_earliest_original(store):
    original = _article(STRIKE, outlet="Levant Wire")
    store.add_articles([original, _article(SHELLING)])
    copy = _article(STRIKE + " (Reporting by the Beirut newsroom)", outlet="Orontes News")
    result = store.add_articles([copy])
    assert (result.new, result.near_duplicates) == (1, 1)
    assert store.get_article(copy.id).duplicate_of == original.id
    # A copy of the copy is still a copy of the original.
    second = _article(STRIKE + " (Reporting by the Beirut newsroom) Editing by the desk.")
    store.add_articles([second])
    assert store.get_article(second.id).duplicate_of == original.id
    assert store.get_article(original.id).duplicate_of is None
    assert store.get_article(_article(SHELLING).id).duplicate_of is None


def test_near_duplicates_inside_one_batch(store):
    original, copy = _article(SHELLING), _article(SHELLING + " Editing by the desk.")
    result = store.add_articles([original, copy, _article(PROTEST)])
    assert (result.new, result.near_duplicates) == (3, 1)
    assert store.get_article(copy.id).duplicate_of == original.id


def test_fields_round_trip(store):
    a = _article(SHELLING, source_id="unit-7", outlet="Crescent Press", title="Mortars hit Damascus",
                 published="2018-02-20", dateline=["DAMASCUS"], url="https://example.org/a",
                 origin="wire.jsonl:3", metadata_date="2018-02-21")
    store.add_articles([a])
    assert store.get_article(a.id) == a
    assert store.get_article("0000000000000000") is None


def test_overlong_outlet_is_cut_not_fatal(store):
    # ACLED's source field lists every URL; PostgreSQL would reject it whole in a VARCHAR(255).
    outlet = "SOHR; LiveUMap; " + "; ".join(f"SOHR_http://www.syriahr.com/en/?p={i}" for i in range(80))
    a = _article(PROTEST, outlet=outlet)
    assert store.add_articles([a]).new == 1
    stored = store.get_article(a.id).outlet
    assert stored.startswith("SOHR; LiveUMap; ") and len(stored) == 255


def test_filters_and_counts(store):
    store.add_articles([
        _article(STRIKE, outlet="Levant Wire", published="2018-02-19", title="Strikes on Douma"),
        _article(SHELLING, outlet="Crescent Press", published="2018-02-20"),
        _article(PROTEST, outlet="Levant Wire", published="2018-03-02"),
        _article("Undated note on 50% of aid_trucks reaching Douma."),
    ])
    assert [a.published for a in store.iter_articles()] == ["2018-02-19", "2018-02-20", "2018-03-02", None]
    assert store.count_articles(outlet="Levant Wire") == 2
    assert store.count_articles(since="2018-02-20") == 2
    assert store.count_articles(since="2018-02-20", until="2018-02-28") == 1
    assert [a.title for a in store.iter_articles(query="DOUMA", outlet="Levant Wire")] == ["Strikes on Douma"]
    assert store.count_articles(query="mortar") == 1
    # LIKE wildcards in a query are matched literally.
    assert store.count_articles(query="50%") == 1
    assert store.count_articles(query="s_hool") == 0
    assert [a.published for a in store.iter_articles(limit=2, offset=1)] == ["2018-02-20", "2018-03-02"]
    assert store.count_articles(limit=2, offset=3) == 1
    ids = [_article(PROTEST).id, "missing"]
    assert [a.id for a in store.iter_articles(ids=ids)] == [ids[0]]


def test_pending_articles_and_extractor_version(store):
    texts = [f"Clashes in village {i} of Hama countryside left {i} fighters dead." for i in range(7)]
    store.add_articles([_article(t) for t in texts])
    pending = [a.id for a in store.pending_articles()]
    assert pending == sorted(pending) and len(pending) == 7
    assert [a.id for a in store.pending_articles(limit=3)] == pending[:3]
    store.save_extractions([(aid, [], None) for aid in pending[:5]], extractor_version="1")
    assert [a.id for a in store.pending_articles()] == pending[5:]
    # A new extractor version makes every article pending again.
    assert len(list(store.pending_articles(extractor_version="2"))) == 7
    assert [a.id for a in store.pending_articles(extractor_version="1")] == pending[5:]


def test_pending_articles_while_saving(store):
    store.add_articles([_article(f"Shelling of Harasta, report number {i}.") for i in range(700)])
    seen = 0
    for a in store.pending_articles():
        store.save_extractions([(a.id, [], None)])
        seen += 1
    assert seen == 700
    assert list(store.pending_articles()) == []


def test_credibility(store):
    a = _article(PROTEST)
    store.add_articles([a])
    cred = {"score": 0.8, "label": "credible", "signals": {"n_sources": 3}}
    store.set_credibility(a.id, cred)
    assert store.get_credibility(a.id) == cred


def test_control_characters_are_cleaned_from_every_stored_string(store):
    # PostgreSQL refuses NUL in text: one such field used to fail the batch, and every rerun with it.
    dirty = Article(text=STRIKE + "\x00", id="abc\x00def", source_id="row\x001", outlet="Levant\x00 Wire",
                    title="Strike\x1b[31m on\x07 Douma\x00", url="https://example.org/a\x00b",
                    origin="file.jsonl:1\x00", dateline=["DOU\x00MA"])
    clean_one = Article(text=SHELLING, outlet="Levant Wire")
    result = store.add_articles([dirty, clean_one])
    assert result.new == 2
    stored = store.get_article("abcdef")
    assert stored is not None
    assert (stored.title, stored.outlet, stored.source_id, stored.url) == (
        "Strike[31m on Douma", "Levant Wire", "row1", "https://example.org/ab")
    assert stored.dateline == ["DOUMA"] and "\x00" not in stored.text and stored.origin == "file.jsonl:1"
    # A rerun of the same input finds it stored instead of failing again.
    again = Article(text=STRIKE + "\x00", id="abc\x00def", title="Strike\x00")
    assert store.add_articles([again]).duplicates == 1


def _templated(i: int) -> str:
    places = ["Kafr Nabl", "Tal Rifaat", "Deir Hafer", "Ain Issa", "Bab Hawa", "Jisr Tin"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    return (f"Shelling hit the town of {places[i % 6]} on {days[i % 5]}, killing {i + 2} people including "
            f"{i % 7 + 1} children, a war monitor said. The shells fell near the main square in the early "
            f"morning and the toll could rise because {i + 5} of the wounded were in a critical condition. "
            f"Report number {i} of the day.")


def test_near_duplicate_check_compares_a_bounded_set_and_still_finds_copies(store, monkeypatch):
    from warwire.ingest import dedupe
    from warwire.ingest.settings import settings

    cap = 3
    monkeypatch.setitem(settings()["near_duplicates"], "max_per_band", cap)
    compared: list[int] = []
    real = dedupe.similarities

    def counting(sig, others):
        compared.append(len(others))
        return real(sig, others)

    monkeypatch.setattr(dedupe, "similarities", counting)
    stories = [Article(text=_templated(i)) for i in range(60)]
    store.add_articles(stories[:30])
    copy = Article(text=_templated(4) + " Reprinted.")
    result = store.add_articles(stories[30:] + [copy])
    # Templated stories crowd shared bands; each article is compared with at most cap per band.
    assert compared and max(compared) <= dedupe.BANDS * cap
    assert result.near_duplicates == 1
    assert store.get_article(copy.id).duplicate_of == stories[4].id


def test_same_text_on_other_days_or_outlets_is_another_record(store):
    # Two event notes worded alike ("shells fell on the town") on different days are two records.
    first = store.add_articles([_article(PROTEST, published="2018-01-05", outlet="Levant Wire"),
                                _article(PROTEST, published="2018-01-12", outlet="Levant Wire"),
                                _article(PROTEST, published="2018-01-12", outlet="Levant Wire")])
    assert (first.new, first.duplicates) == (2, 1)
    later = store.add_articles([_article(PROTEST, published="2018-01-05", outlet="Crescent Press"),
                                _article(PROTEST, published="2018-01-12", outlet="levant wire"),
                                _article(PROTEST, published="2018-01-05")])
    assert (later.new, later.duplicates) == (1, 2)
    stored = sorted((a.published, a.outlet) for a in store.iter_articles())
    assert stored == [("2018-01-05", "Crescent Press"), ("2018-01-05", "Levant Wire"), ("2018-01-12", "Levant Wire")]
    # Ingesting the same rows again adds nothing, whichever order they come in.
    again = store.add_articles([_article(PROTEST, published="2018-01-12", outlet="Levant Wire"),
                                _article(PROTEST, published="2018-01-05", outlet="Crescent Press")])
    assert (again.new, again.duplicates) == (0, 2)

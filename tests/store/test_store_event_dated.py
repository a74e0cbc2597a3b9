"""Whether an article's date is the event's (a coded record) survives the store, old stores included."""
from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from warwire.link.store import article_metas
from warwire.model import Article
from warwire.store import open_store
from warwire.store.engine import alembic_config, create_engine, resolve_url


def test_an_event_dated_article_keeps_its_flag_in_the_store(store_url):
    coded = Article(text="Clashes went on near the bridge; two fighters were killed.", published="2019-03-02",
                    outlet="Example Monitor", event_dated=True)
    story = Article(text="Residents said the bridge was shelled again this morning.", published="2019-03-02",
                    outlet="Example Daily")
    with open_store(store_url) as store:
        store.add_articles([coded, story])
    with open_store(store_url) as store:
        assert store.get_article(coded.id).event_dated is True
        assert store.get_article(story.id).event_dated is False
        metas = article_metas(store.engine)
    assert metas[coded.id].event_dated and not metas[story.id].event_dated


def test_articles_of_a_store_made_before_the_flag_are_dated_by_their_stories(store_url):
    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        conn.execute(sa.text("INSERT INTO articles (id, text, published) VALUES ('a1', 'Shelling hit the bridge.', "
                             "'2019-03-02')"))
    engine.dispose()
    with open_store(store_url) as store:  # migrated to head on opening
        assert store.get_article("a1").event_dated is False
        assert article_metas(store.engine)["a1"].event_dated is False

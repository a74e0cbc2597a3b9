"""`warwire contradictions`: where the reports of one event disagree, with each side's words."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.markup import escape

from warwire.cli import app, db_url, out
from warwire.cli.ingest import open_or_exit
from warwire.cli.options import choices
from warwire.verify.contradictions import CHECKS, evidence_quote


Field = choices("Field", CHECKS)
QUALIFIER_WORDS = {"at_least": "at least ", "about": "about ", "at_most": "at most ", "vague": "some "}


def _show(value) -> str:
    """A contradicted value as a reader would say it: "at least 23 dead", "civilians"."""
    if isinstance(value, dict) and "best" in value:
        count = value["best"] if value["best"] is not None else value.get("low")
        return f"{QUALIFIER_WORDS.get(value.get('qualifier'), '')}{count} dead"
    if isinstance(value, dict) and "side" in value:
        return f"{value['side']}" + (f" ({value['actor2']})" if value.get("actor2") else "")
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@app.command("contradictions")
def contradictions_cli(
    ctx: typer.Context,
    field: Optional[Field] = typer.Option(None, "--field", help="Only this field."),
    limit: int = typer.Option(20, "--limit", min=1, help="At most this many events."),
) -> None:
    """List events whose reports disagree, with each side's value, outlet, claimant and quoted evidence."""
    field = field.value if field is not None else None
    store = open_or_exit(db_url(ctx), create=False)
    ids = store.contradicted_event_ids()
    shown = 0
    texts: dict[str, str | None] = {}
    for eid in ids:
        event = store.get_event(eid)
        found = [c for c in event.contradictions if field is None or c.field == field]
        if not found:
            continue
        reports = {r.id: r for r in store.iter_reports(ids=[v["report"] for c in found for v in c.values])}
        place = event.location.name if event.location else "?"
        out.print(f"[bold]{event.id}[/bold]  {event.date_start or '?'}  {escape(event.sub_event_type)}  "
                  f"{escape(place)}  ({event.n_sources} source{'' if event.n_sources == 1 else 's'})")
        for c in found:
            out.print(f"  [yellow]{c.field}[/yellow]")
            for v in c.values:
                r = reports.get(v["report"])
                if r is not None and r.article_id not in texts:
                    article = store.get_article(r.article_id)
                    texts[r.article_id] = article.text if article else None
                quote = evidence_quote(r, c.field, texts.get(r.article_id)) if r else None
                who = v.get("outlet") or "?"
                if v.get("claimed_by"):
                    who += f", citing {v['claimed_by']}"
                out.print(f"    {escape(_show(v['value']))}  — {escape(who)}  [dim]{v['report']}[/dim]")
                if quote:
                    out.print(f"      [italic]“{escape(quote)}”[/italic]")
        shown += 1
        if shown >= limit:
            break
    if not shown:
        out.print("No contradictions" + (f" on {field}" if field else "") + ". Run `warwire link` first if needed.")

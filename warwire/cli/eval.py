"""``warwire eval``: per-field scores of the extractor against gold, and the accuracy gate."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from warwire.cli import EXIT_FAILED, EXIT_PARTIAL, EXIT_USAGE, app, console, out
from warwire.errors import WarwireError
from warwire.eval.scoring import Scores

GATE_ERRORS = ("E203", "E204")


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


def _table(scores: Scores) -> Table:
    speed = f", {scores.speed:.1f} articles/s" if scores.speed else ""
    ratio = scores.extras.get("reports_per_gold_event")
    if ratio is not None:
        speed += f", {scores.extras['reports']} reports for {scores.extras['gold_events']} gold events ({ratio:.2f}x)"
    t = Table(title=f"{scores.dataset}: {scores.n} items{speed}", title_justify="left")
    for col in ("field", "precision", "recall", "F1", "accuracy", "n"):
        t.add_column(col, justify="left" if col == "field" else "right")
    for m in scores.ordered():
        if m.kind == "prf":
            t.add_row(m.name, _fmt(m.precision), _fmt(m.recall), _fmt(m.f1), "", str(m.support))
        else:
            t.add_row(m.name, "", "", "", _fmt(m.accuracy), str(m.total))
    return t


def _runs(results: list[Scores]) -> Table:
    t = Table(title="runs", title_justify="left")
    for col in ("dataset", "items", "seconds", "speed (articles/s)"):
        t.add_column(col, justify="left" if col == "dataset" else "right")
    for s in results:
        t.add_row(s.dataset, str(s.n), f"{s.seconds:.1f}", f"{s.speed:.1f}" if s.speed else "-")
    return t


@app.command("eval")
def eval_cli(
    gold: Optional[Path] = typer.Argument(None, help="Project gold JSONL. Default: the bundled gold."),
    acled: Optional[Path] = typer.Option(None, "--acled", help="ACLED CSV (pre-2019 or today's layout): notes are the text."),
    fakes: Optional[Path] = typer.Option(None, "--fakes", help="FA-KES CSV with crowd-annotated facts."),
    multievent: Optional[Path] = typer.Option(None, "--multievent", help="Gold coding every event of whole "
                                              "articles (articles.jsonl beside it): event P/R/F1."),
    articles: Optional[str] = typer.Option(None, "--articles", help="With --multievent: score only these articles "
                                           "(1-based, file order), e.g. 1-10 or 11-20."),
    texts: Optional[Path] = typer.Option(None, "--texts", help="With --multievent: the articles' texts when they "
                                         "are not in articles.jsonl beside the gold (e.g. the FA-KES CSV)."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score at most N items per file (evenly spaced)."),
    errors: int = typer.Option(0, "--errors", min=0, help="Show the N worst cases: text, expected vs got."),
    check_floors: bool = typer.Option(False, "--check-floors", help="Exit 1 if a metric is below its pinned floor "
                                      "(also scores ../shared/data when present)."),
    pin: bool = typer.Option(False, "--pin", help="Pin the floors to the current scores minus a 0.02 margin."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    half: Optional[int] = typer.Option(None, "--half", min=1, max=2, help="With --fakes: score only the odd (1) or "
                                       "even (2) rows, e.g. tune on one half and check on the other."),
    month: Optional[str] = typer.Option(None, "--month", help="Score only the ACLED rows of this month (YYYY-MM), "
                                        "e.g. tune on one month and check on another."),
    pack: str = typer.Option("auto", "--pack", help="Knowledge pack: a war's name (syria, yemen ...) or auto: "
                                                    "chosen per article from the places and actors it names."),
    task: str = typer.Option("extraction", "--task", help="extraction: score the extractor; credibility: "
                             "cross-validate the credibility score on FA-KES labels (needs --fakes)."),
    linking: bool = typer.Option(False, "--linking", help="Score linking on the shared development data: FA-KES "
                                 "incident pair recall, hard negatives linked, ACLED rows over-merged."),
) -> None:
    """Score the extractor against gold: per-field precision, recall, F1 or accuracy, and speed."""
    from warwire.eval import run_eval

    if task == "credibility":
        _credibility(fakes, as_json)
        return
    if linking:
        _linking(errors, as_json)
        return
    if task != "extraction":
        console.print(f"Unknown task {task!r}: give extraction or credibility.")
        raise typer.Exit(EXIT_USAGE)
    if check_floors and pin:
        console.print("Give --check-floors or --pin, not both.")
        raise typer.Exit(EXIT_USAGE)
    if half and not fakes:
        console.print("--half goes with --fakes FILE.")
        raise typer.Exit(EXIT_USAGE)
    if (articles or texts) and not multievent:
        console.print(f"{'--articles' if articles else '--texts'} goes with --multievent FILE.")
        raise typer.Exit(EXIT_USAGE)
    for p in (gold, acled, fakes, multievent, texts):
        if p is not None and not p.is_file():
            console.print(f"{p}: not found. Give an existing file.")
            raise typer.Exit(EXIT_USAGE)
    from warwire.knowledge import packs

    if pack != packs.AUTO and pack not in packs.names():
        console.print(f"--pack {pack}: no such knowledge pack; give auto or one of {', '.join(packs.names())}.")
        raise typer.Exit(EXIT_USAGE)
    if month is not None and not re.fullmatch(r"\d{4}-(?:0[1-9]|1[0-2])", month):
        console.print(f"--month {month}: give a month as YYYY-MM (2018-01).")
        raise typer.Exit(EXIT_USAGE)
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=console, transient=True, disable=as_json)

    def progress(name: str, total: int):
        task = bar.add_task(f"eval {name}", total=total)
        return lambda n: bar.advance(task, n)

    failure = None
    results = []
    with bar:
        try:
            results = run_eval(gold, acled, fakes, limit, check_floors=check_floors, pin=pin, progress=progress,
                               month=month, pack=pack, multievent=multievent, articles=articles,
                               half=half, texts=texts)
        except WarwireError as e:
            failure = e
            results = getattr(e, "results", [])
    if as_json:
        out.print_json(json.dumps([s.to_dict(errors) for s in results]))
    else:
        for s in results:
            out.print(_table(s))
            for c in s.worst(errors):
                out.print(f"[bold]{escape(c.id)}[/bold] {escape(c.text)}", highlight=False)
                for d in c.diffs:
                    out.print(f"    {d}", highlight=False, markup=False)
        if results:
            out.print(_runs(results))
    if failure is not None:
        console.print(str(failure), markup=False)
        # A gate that fails is a failed check (1); an unreadable gold file means nothing was scored (3).
        raise typer.Exit(EXIT_PARTIAL if failure.code.name in GATE_ERRORS else EXIT_FAILED)
    if pin:
        console.print("Floors pinned.")


def _credibility(fakes: Optional[Path], as_json: bool) -> None:
    """``--task credibility``: accuracy, F1 and AUC of the credibility score, cross-validated on FA-KES."""
    from warwire.eval.credibility import evaluate_credibility

    if fakes is None or not fakes.is_file():
        console.print("--task credibility needs --fakes FILE (the FA-KES CSV with its label column).")
        raise typer.Exit(EXIT_USAGE)
    with console.status("Extracting and linking the FA-KES articles, then cross-validating") as status:
        result = evaluate_credibility(fakes, progress=lambda what: status.update(what))
    if as_json:
        out.print_json(json.dumps(result))
        return
    t = Table(title=f"credibility on {result['dataset']}: {result['n']} articles, {result['folds']}-fold CV "
                    f"(majority baseline {result['majority_baseline']:.3f})", title_justify="left")
    for col in ("inputs", "accuracy", "F1", "AUC"):
        t.add_column(col, justify="left" if col == "inputs" else "right")
    for name in ("signals", "signals_and_outlet", "outlet_only"):
        r = result[name]
        t.add_row(name.replace("_", " "), *(f"{r[k]['mean']:.3f} ± {r[k]['sd']:.3f}" for k in ("accuracy", "f1", "auc")))
    out.print(t)


def _linking(errors: int, as_json: bool) -> None:
    """``--linking``: the three linking numbers of ../shared/data/linking/README.md, with wrong and missed links."""
    from warwire.eval.linking import evaluate_linking

    try:
        with console.status("Extracting and linking the FA-KES articles and the ACLED notes") as status:
            result = evaluate_linking(errors=errors, progress=lambda what: status.update(what))
    except WarwireError as e:
        console.print(str(e), markup=False)
        raise typer.Exit(EXIT_FAILED) from None
    if as_json:
        out.print_json(json.dumps({**result.scores.to_dict(errors), "counts": result.counts}))
        return
    out.print(_table(result.scores))
    out.print(result.summary(), highlight=False, markup=False)
    shown = [c for kind in ("wrong link", "over-merged", "missed") for c in
             [c for c in result.scores.cases if c.id.startswith(kind)][:errors]]
    for c in shown:
        out.print(f"[bold]{escape(c.id)}[/bold] {escape(c.text)}", highlight=False)
        for d in c.diffs:
            out.print(f"    {d}", highlight=False, markup=False)

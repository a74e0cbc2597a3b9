"""Options that several commands share, declared once with their help text."""
from __future__ import annotations

from datetime import date as _date
from enum import Enum
from typing import Annotated, Iterable, Optional

import typer

TextCol = Annotated[Optional[str], typer.Option("--text-col", help="CSV/JSONL column holding the article text.")]
TitleCol = Annotated[Optional[str], typer.Option("--title-col", help="Column holding the title.")]
DateCol = Annotated[Optional[str], typer.Option("--date-col", help="Column holding the publication date.")]
OutletCol = Annotated[Optional[str], typer.Option("--outlet-col", help="Column holding the outlet name.")]
IdCol = Annotated[Optional[str], typer.Option("--id-col", help="Column holding the input's own id.")]
Date = Annotated[Optional[str], typer.Option("--date", help="Publication date (YYYY-MM-DD) for articles without one.")]
Outlet = Annotated[Optional[str], typer.Option("--outlet", help="Outlet for articles without one.")]
Strict = Annotated[bool, typer.Option("--strict", help="Stop at the first input that cannot be read.")]


def choices(name: str, values: Iterable[str]) -> type[Enum]:
    """A string Enum of ``values`` for a Typer option: Typer lists them in the help and refuses others."""
    return Enum(name, {v: v for v in values}, type=str)  # type: ignore[return-value]


def iso_date(value: Optional[str]) -> Optional[str]:
    """A --since/--until value checked to be a date (YYYY-MM-DD), so a typo is said, not matched against nothing."""
    if value is None:
        return None
    try:
        return _date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; give YYYY-MM-DD, e.g. 2018-03-05.") from None


OutputFormat = choices("OutputFormat", ("table", "jsonl"))


Since = Annotated[Optional[str], typer.Option("--since", callback=iso_date, help="On or after this date (YYYY-MM-DD).")]
Until = Annotated[Optional[str], typer.Option("--until", callback=iso_date, help="On or before this date (YYYY-MM-DD).")]

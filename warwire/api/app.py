"""The web app: the REST API under /api, the dashboard at /, OpenAPI docs at /docs."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

import warwire
from warwire.api import brief, dashboard, export, read, watches, write
from warwire.api.cache import TTLCache
from warwire.errors import E, WarwireError

WEB = Path(warwire.__file__).resolve().parent / "web"
STATUS = {E.E005: 502, E.E101: 503, E.E102: 404, E.E106: 404, E.E401: 403, E.E402: 401, E.E405: 404, E.E501: 404}  # any other E4xx: 400
PAGES = {"/": "index.html", "/event/{event_id}": "event.html", "/article/{article_id}": "article.html",
         "/outlets": "outlets.html", "/outlet/{name:path}": "outlets.html", "/brief": "brief.html"}
# The dashboard loads nothing from elsewhere but map tiles, and those only when the user turns them on.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'")


def create_app(store_url: str | None = None, create: bool = True) -> FastAPI:
    """The app over the store at ``store_url`` (None: $WARWIRE_DB, then ./warwire.db); with ``create`` False a
    store that does not exist is E103, not made empty."""
    from warwire.store import open_store

    app = FastAPI(title="warwire", version=warwire.__version__, docs_url=None, redoc_url=None,
                  description="Conflict events from war reporting: geolocated, attributed, cross-checked.")
    app.state.store = open_store(store_url, create=create)
    app.state.cache = TTLCache()
    app.include_router(read.router)
    app.include_router(write.router)
    app.include_router(dashboard.router)
    app.include_router(export.router)
    app.include_router(brief.router)
    app.include_router(watches.router)

    @app.exception_handler(WarwireError)
    def _warwire_error(_request: Request, exc: WarwireError) -> JSONResponse:
        return JSONResponse({"error": exc.code.name, "detail": str(exc)}, status_code=STATUS.get(exc.code, 400))

    @app.exception_handler(RequestValidationError)
    def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'] if p not in ('query', 'body'))}: {e['msg']}"
                    for e in exc.errors()]
        return JSONResponse({"error": "invalid", "detail": "; ".join(problems)}, status_code=422)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        if _has_nul(request):
            response = JSONResponse({"error": "invalid", "detail": "The path or a query parameter holds a NUL "
                                     "character (%00); remove it."}, status_code=422)
        else:
            response = await call_next(request)
        if request.url.path != "/docs":  # Swagger UI starts itself with an inline script
            response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.get("/docs", include_in_schema=False)
    def _docs() -> HTMLResponse:
        # Swagger UI from our own copy: the docs work offline like the dashboard.
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="warwire API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="data:,")

    for route, filename in PAGES.items():
        app.add_api_route(route, _page(filename), methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    return app


def _has_nul(request: Request) -> bool:
    """Whether the path or the query string holds a NUL, which no stored value has and PostgreSQL refuses."""
    query = request.scope.get("query_string", b"")
    return "\x00" in request.scope.get("path", "") or b"\x00" in query or b"%00" in query.lower()


def _page(filename: str):
    path = WEB / filename

    def page() -> FileResponse:
        return FileResponse(path, media_type="text/html")

    return page


def serve(store_url: str | None = None, host: str = "127.0.0.1", port: int = 8000, create: bool = False) -> None:
    """Run the app with uvicorn until interrupted; a store that does not exist is E103 unless ``create``."""
    import uvicorn

    app = create_app(store_url, create=create)
    check_port(host, port)
    uvicorn.run(app, host=host, port=port, log_level="info")


def check_port(host: str, port: int) -> None:
    """E408 when ``port`` on ``host`` cannot be listened on (another server has it), naming a free one."""
    import errno
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        # As uvicorn binds: a port left in TIME_WAIT by a server just stopped is free to take.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as err:
            if err.errno != errno.EADDRINUSE:
                raise WarwireError(E.E409, host=host, port=port, why=err.strerror or str(err)) from None
        else:
            return
    with socket.socket(family, socket.SOCK_STREAM) as free:
        free.bind((host, 0))
        raise WarwireError(E.E408, host=host, port=port, free=free.getsockname()[1])

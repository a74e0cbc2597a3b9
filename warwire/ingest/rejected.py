"""What a reader yields for an input it could not turn into an article."""
from __future__ import annotations

from dataclasses import dataclass, field

from warwire.errors import E, WarwireError


@dataclass
class Rejected:
    """An input item that was skipped (``fatal``) or kept with a caveat (``fatal=False``, a warning).

    ``where`` names the file and row ("path:row"), the URL or "stdin"; ``reason`` is the numbered
    message from ``warwire.errors``. A warning is yielded just before the article it concerns.
    """

    where: str
    reason: str
    fatal: bool = True
    error: WarwireError | None = field(default=None, repr=False, compare=False)

    @property
    def code(self) -> str | None:
        return self.error.code.name if self.error else None


def reject(code: E, *, fatal: bool = True, **values: object) -> Rejected:
    """A Rejected carrying the numbered error ``code`` formatted with ``values`` (which include ``where``)."""
    error = WarwireError(code, **values)
    return Rejected(where=str(values.get("where", "")), reason=str(error), fatal=fatal, error=error)


def rejected_from(error: WarwireError, *, fatal: bool = True) -> Rejected:
    """A Rejected for an error raised by a helper (e.g. the fetcher)."""
    return Rejected(where=str(error.values.get("where", "")), reason=str(error), fatal=fatal, error=error)

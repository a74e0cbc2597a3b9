"""Fetching pages and feeds over HTTP(S): bounded in time and size, failures as numbered errors."""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import warwire
from warwire.errors import E, WarwireError

TIMEOUT = 10.0  # seconds, for the whole response
MAX_BYTES = 5_000_000


@dataclass
class Fetched:
    """A fetched response: the final URL (after redirects), its content type and body (cut at the size cap)."""

    url: str
    content_type: str
    body: bytes
    truncated: bool = False


def private_address(host: str) -> str | None:
    """The address ``host`` resolves to when it is not a public one (loopback, private, link-local,
    reserved, multicast), else None. A host that does not resolve is left to the fetch to report."""
    try:
        found = socket.getaddrinfo(host.strip("[]"), None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return None
    for *_, sockaddr in found:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if not ip.is_global or ip.is_multicast:
            return str(ip)
    return None


def refuse_private(url: str) -> None:
    """Raise E014 when ``url`` names a host on this machine or its private network."""
    host = urlsplit(url).hostname or ""
    address = private_address(host)
    if address:
        raise WarwireError(E.E014, where=url, host=host, address=address)


class Fetcher:
    """Fetch ``url`` -> Fetched; raises WarwireError E005 on HTTP errors, timeouts and network failures.

    ``allow_private`` False refuses (E014) any URL, redirects included, whose host is a loopback,
    private or link-local address: a server fetching for others must not reach its own network.
    """

    def __init__(self, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, allow_private: bool = True) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.allow_private = allow_private
        self.headers = {"User-Agent": f"warwire/{warwire.__version__} (+conflict-event research)"}

    def __call__(self, url: str) -> Fetched:
        import httpx  # here, not at the top: commands that read only files do not pay for it

        deadline = time.monotonic() + self.timeout
        hooks = {} if self.allow_private else {"request": [lambda request: refuse_private(str(request.url))]}
        try:
            with httpx.Client(event_hooks=hooks) as client, \
                    client.stream("GET", url, timeout=self.timeout, follow_redirects=True, headers=self.headers) as r:
                if r.status_code >= 400:
                    raise WarwireError(E.E005, where=url, why=f"HTTP {r.status_code} {r.reason_phrase}")
                chunks, size, truncated = [], 0, False
                for chunk in r.iter_bytes():
                    chunks.append(chunk)
                    size += len(chunk)
                    if size > self.max_bytes:
                        truncated = True
                        break
                    # httpx's timeout is per read; a server that trickles bytes must still stop at the deadline.
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("deadline")
                body = b"".join(chunks)[: self.max_bytes]
                return Fetched(url=str(r.url), content_type=r.headers.get("content-type", ""),
                               body=body, truncated=truncated)
        except httpx.TimeoutException:
            raise WarwireError(E.E005, where=url, why=f"timed out after {self.timeout:g} s") from None
        except httpx.HTTPError as err:
            raise WarwireError(E.E005, where=url, why=f"{type(err).__name__}: {err}"[:200]) from None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))

"""`kb serve`: the same cited answers as the CLI, as web pages and a JSON API.

A thin front end: routes and templates over the library calls the CLI makes (no SQL, numpy
or regular expressions here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .app import create_app

__all__ = ["create_app", "is_loopback", "serve"]


def is_loopback(host: str) -> bool:
    """True when `host` is only reachable from this machine (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    index: Path | None,
    host: str,
    port: int,
    public: bool,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Load the index and answer on http://host:port until interrupted; `ready` is told
    the address once the index is loaded."""
    import uvicorn

    from .guard import loopback_hosts

    allowed = loopback_hosts(host, port) if is_loopback(host) else None
    app = create_app(index, public=public, allowed_hosts=allowed)
    if ready is not None:
        ready(f"http://{host}:{port}/")
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        limit_concurrency=64,
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=16 * 1024,
    )

"""The server's outer layer: limits on requests, security headers on every response, and
its own latency, measured per endpoint (time to the first byte of the response)."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
ErrorResponder = Callable[[str, int, str], Any]  # (path, status, message) -> a Response

MAX_BODY = 16 * 1024  # bytes; no endpoint takes a body at all
MAX_QUERY_STRING = 4096  # bytes
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
FILE_POLICY = (
    "default-src 'none'; object-src 'self'; frame-ancestors 'none'"  # PDFs: the viewer only
)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def loopback_hosts(host: str, port: int) -> frozenset[str]:
    """The Host headers a browser sends to a server on this machine at `port`."""
    names = {"127.0.0.1", "localhost", "[::1]", host if ":" not in host else f"[{host}]"}
    return frozenset(n for name in names for n in (name, f"{name}:{port}"))


class Latency:
    """The last `keep` response times of each endpoint, in milliseconds."""

    def __init__(self, keep: int = 2000) -> None:
        self.keep = keep
        self._samples: dict[str, deque[float]] = {}

    def record(self, endpoint: str, ms: float) -> None:
        """Add one response time."""
        self._samples.setdefault(endpoint, deque(maxlen=self.keep)).append(ms)

    def summary(self) -> dict[str, dict[str, float]]:
        """endpoint → count, p50, p95 and max of its recent response times (ms)."""
        out = {}
        for endpoint, samples in sorted(self._samples.items()):
            ordered = sorted(samples)
            n = len(ordered)
            out[endpoint] = {
                "count": n,
                "p50": round(ordered[n // 2], 2),
                "p95": round(ordered[min(n - 1, int(n * 0.95))], 2),
                "max": round(ordered[-1], 2),
            }
        return out


class Guard:
    """ASGI middleware: refuses oversized requests, adds the Content-Security-Policy and
    other security headers, and records each response's latency (also sent back as a
    `Server-Timing` header)."""

    def __init__(
        self,
        app: ASGIApp,
        latency: Latency,
        error: ErrorResponder,
        allowed_hosts: frozenset[str] | None = None,
    ) -> None:
        self.app = app
        self.latency = latency
        self.error = error
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        problem = _refusal(scope, self.allowed_hosts)
        if problem is not None:
            status, message = problem
            response = self.error(scope.get("path", "/"), status, message)
            await response(scope, receive, _headers_added(send, scope, started, self.latency))
            return
        await self.app(scope, receive, _headers_added(send, scope, started, self.latency))


def _refusal(scope: Scope, allowed_hosts: frozenset[str] | None) -> tuple[int, str] | None:
    """(status, message) when the request breaks a limit, else None."""
    headers = dict(scope.get("headers", []))
    if allowed_hosts is not None:
        host = headers.get(b"host", b"").decode("latin-1").lower()
        if host not in allowed_hosts:
            # a page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) must not
            # read a server that only this machine should reach
            return 421, "this server answers only to the address it listens on"
    if len(scope.get("query_string", b"")) > MAX_QUERY_STRING:
        return 414, f"the address is longer than {MAX_QUERY_STRING} characters; shorten the query"
    if b"transfer-encoding" in headers:
        return 413, "requests with a body are not accepted"
    try:
        length = int(headers.get(b"content-length", b"0"))
    except ValueError:
        return 400, "bad Content-Length"
    if length > MAX_BODY:
        return 413, f"request bodies over {MAX_BODY} bytes are not accepted"
    return None


def _headers_added(send: Send, scope: Scope, started: float, latency: Latency) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            ms = (time.perf_counter() - started) * 1000
            endpoint = scope.get("endpoint")
            latency.record(getattr(endpoint, "__name__", "refused"), ms)
            headers = list(message.get("headers", []))
            content_type = dict(headers).get(b"content-type", b"")
            policy = FILE_POLICY if content_type.startswith(b"application/pdf") else PAGE_POLICY
            headers += [
                (b"content-security-policy", policy.encode()),
                *SECURITY_HEADERS,
                (b"server-timing", f"app;dur={ms:.2f}".encode()),
            ]
            message = {**message, "headers": headers}
        await send(message)

    return sending

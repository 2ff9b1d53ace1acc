"""Routes of `kb serve`: each reads its parameters, makes the library call the CLI makes,
and renders the result as a page (Jinja2, every value escaped) or as the CLI's JSON."""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route

from kb.chunk import human_date
from kb.embed import Embedder
from kb.errors import BadQuery, KbError, NotFound
from kb.model import DOC_TYPES, Citation, Hit
from kb.present import (
    EXEMPT_LABEL,
    answer_json,
    citation_line,
    highlight_spans,
    register_csv,
    register_json,
    timeline_json,
    to_json,
    votes_text,
)
from kb.register import OUTCOMES, DecisionRecord
from kb.search.understand import analyse
from kb.views import show_passage

from . import params
from .guard import Guard, Latency
from .state import Loaded, ServeState

HERE = Path(__file__).resolve().parent
STATIC = {"kb.css": ("text/css; charset=utf-8", HERE / "static" / "kb.css")}
JSON_TYPE = "application/json; charset=utf-8"
LOW_CONFIDENCE = "No passage answers this well; the closest matches follow."
STATUS_TITLES = {
    400: "That request cannot be answered",
    404: "Not found",
    405: "Method not allowed",
    413: "Request too large",
    421: "Wrong address",
    414: "Address too long",
    500: "Something went wrong",
    503: "The index cannot be read",
}

templates = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.globals.update(
    human_date=human_date,
    citation_line=citation_line,
    votes_text=votes_text,
    exempt_label=EXEMPT_LABEL,
    doc_types=DOC_TYPES,
    outcomes=OUTCOMES,
    max_question=params.MAX_QUESTION,
    max_k=params.MAX_K,
)


@dataclass(frozen=True)
class Link:
    """Where a citation leads: the source file (at its page) and how to say so."""

    href: str
    label: str


@dataclass(frozen=True)
class HitView:
    """A result as a page shows it."""

    hit: Hit
    spans: list[tuple[str, bool]]
    passage_href: str
    source: Link | None
    also_in: list[tuple[Citation, Link | None]]
    decisions: tuple[DecisionRecord, ...]


def passage_href(chunk_id: str) -> str:
    """The passage page of a chunk."""
    return f"/passage/{quote(chunk_id, safe='')}"


def source_link(loaded: Loaded, citation: Citation, text: str, chunk_id: str | None) -> Link | None:
    """A link to the cited source: a PDF opened at the page the passage is printed on, else
    the source's passages with this one highlighted. None for a source not in the index."""
    sources = loaded.sources
    source_id = sources.id_for(citation.source)
    if source_id is None:
        return None
    source = sources.get(source_id)
    document = f"/source/{source_id}" + (
        f"?{urlencode({'passage': chunk_id})}#{quote(chunk_id, safe='')}" if chunk_id else ""
    )
    if source.kind == "pdf":
        try:
            sources.original(source_id)
        except NotFound:
            return Link(document, "Published passages of this pack")
        page = sources.pdf_page(source_id, text, citation.page)
        if page is None:
            return Link(f"/source/{source_id}/file", f"Open {source.filename}")
        return Link(f"/source/{source_id}/file#page={page}", f"Open the PDF at page {page}")
    return Link(document, f"Open {source.filename} at this passage")


def hit_view(loaded: Loaded, hit: Hit, terms: list[str]) -> HitView:
    """What a page needs to show one result."""
    return HitView(
        hit=hit,
        spans=highlight_spans(hit.text, terms),
        passage_href=passage_href(hit.chunk_id),
        source=source_link(loaded, hit.citation, hit.text, hit.chunk_id),
        also_in=[(c, source_link(loaded, c, hit.text, None)) for c in hit.also_in],
        decisions=loaded.decisions_by_chunk.get(hit.chunk_id, ()),
    )


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a template with what every page shows."""
    state: ServeState = request.app.state.kb
    query = urlencode([(k, v) for k, v in request.query_params.multi_items() if v])
    html = templates.get_template(template).render(
        public=state.public, request_query=query, **context
    )
    return HTMLResponse(html, status_code=status)


def json_response(body: str, status: int = 200) -> Response:
    """A JSON body exactly as the library renders it."""
    return Response(body, status_code=status, media_type=JSON_TYPE)


def is_api(path: str) -> bool:
    """True for the routes that answer in JSON."""
    return path.startswith("/api/") or path == "/healthz"


def error_response(path: str, status: int, message: str, public: bool = False) -> Response:
    """An error as JSON `{"error": ...}` for the API, else as a page."""
    if is_api(path):
        return json_response(to_json({"error": message}), status)
    html = templates.get_template("error.html").render(
        status=status, title=STATUS_TITLES.get(status, "Error"), message=message, public=public
    )
    return HTMLResponse(html, status_code=status)


# --- pages -------------------------------------------------------------------------------


async def search_page(request: Request) -> Response:
    """The search page; with `q`, its answer."""
    state: ServeState = request.app.state.kb
    loaded = state.current
    ask = params.ask_request(request.query_params.multi_items(), state.public)
    answer, views = None, []
    if ask.question is not None:
        answer = loaded.engine.ask(ask.question, k=ask.k, filters=ask.filters, sort=ask.sort)
        terms = list(analyse(ask.question).terms)
        views = [hit_view(loaded, h, terms) for h in answer.results]
    return page(
        request,
        "search.html",
        section="search",
        ask=ask,
        answer=answer,
        hits=views,
        confidence=getattr(answer, "confidence", None),
        low_confidence=LOW_CONFIDENCE,
        committees=loaded.committees,
    )


async def passage_page(request: Request) -> Response:
    """One passage in its context, as `kb show`."""
    state: ServeState = request.app.state.kb
    loaded = state.current
    around = params.around(request.query_params.multi_items())
    view = show_passage(request.path_params["chunk_id"], around=around, index=loaded.folder.parent)
    if state.public and view.passage.citation.exempt:
        raise NotFound("no such passage in this index")
    p = view.passage
    return page(
        request,
        "passage.html",
        view=view,
        before=[x for x in view.before if not (state.public and x.citation.exempt)],
        after=[x for x in view.after if not (state.public and x.citation.exempt)],
        source=source_link(loaded, p.citation, p.text, p.chunk_id),
        decisions=loaded.decisions_by_chunk.get(p.chunk_id, ()),
        around=around,
        more_href=f"{passage_href(p.chunk_id)}?around={min(around + 2, params.MAX_AROUND)}",
    )


async def source_page(request: Request) -> Response:
    """A source's passages in reading order, the cited one highlighted."""
    loaded = request.app.state.kb.current
    cited = params.cited_passage(request.query_params.multi_items())
    source_id = request.path_params["source_id"]
    document = loaded.sources.document(source_id)
    source = document.source
    original: Link | None = None
    withheld = False
    try:
        loaded.sources.original(source_id)
        original = Link(
            f"/source/{source_id}/file",
            f"Open {source.filename}" if source.kind == "pdf" else f"Download {source.filename}",
        )
    except NotFound:
        withheld = True
    cited_passage = next((p for p in document.passages if p.chunk_id == cited), None)
    if original and cited_passage is not None and source.kind == "pdf":
        number = loaded.sources.pdf_page(source_id, cited_passage.text, cited_passage.citation.page)
        if number is not None:
            original = Link(f"{original.href}#page={number}", f"Open the PDF at page {number}")
    return page(
        request,
        "source.html",
        document=document,
        source=source,
        original=original,
        withheld=withheld,
        cited=cited,
    )


async def source_file(request: Request) -> Response:
    """The source file itself, by id (never by a path from the request)."""
    loaded = request.app.state.kb.current
    source_id = request.path_params["source_id"]
    path = loaded.sources.original(source_id)
    source = loaded.sources.get(source_id)
    disposition = "inline" if source.kind == "pdf" else "attachment"
    return FileResponse(
        path,
        media_type=source.media_type,
        filename=source.filename,
        content_disposition_type=disposition,
    )


async def decisions_page(request: Request) -> Response:
    """The decision register with its filters."""
    state: ServeState = request.app.state.kb
    loaded = state.current
    wanted = params.register_request(request.query_params.multi_items(), state.public)
    register = loaded.register.find(wanted.query, k=wanted.k, filters=wanted.filters)
    query_string = urlencode([(k, v) for k, v in request.query_params.multi_items() if v])
    return page(
        request,
        "decisions.html",
        section="decisions",
        wanted=wanted,
        register=register,
        committees=loaded.committees,
        csv_href="/decisions.csv" + (f"?{query_string}" if query_string else ""),
        json_href="/api/decisions" + (f"?{query_string}" if query_string else ""),
        links={
            d.decision_id: source_link(loaded, d.citation, d.text, d.chunk_id)
            for d in register.decisions
        },
        passage_href=passage_href,
    )


async def decisions_csv(request: Request) -> Response:
    """The register as a CSV download."""
    state: ServeState = request.app.state.kb
    wanted = params.register_request(request.query_params.multi_items(), state.public)
    register = state.current.register.find(wanted.query, k=wanted.k, filters=wanted.filters)
    return Response(
        register_csv(register),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="decisions.csv"'},
    )


async def timeline_page(request: Request) -> Response:
    """A subject through its meetings."""
    state: ServeState = request.app.state.kb
    loaded = state.current
    wanted = params.register_request(
        request.query_params.multi_items(), state.public, 40, params.MAX_TIMELINE
    )
    timeline = None
    if wanted.query is not None:
        timeline = loaded.register.timeline(wanted.query, filters=wanted.filters, limit=wanted.k)
    terms = list(analyse(wanted.query).terms) if wanted.query else []
    return page(
        request,
        "timeline.html",
        section="timeline",
        wanted=wanted,
        timeline=timeline,
        committees=loaded.committees,
        spans=lambda text: highlight_spans(text, terms),
        link=lambda e: source_link(loaded, e.citation, e.text, e.chunk_id),
        passage_href=passage_href,
    )


# --- JSON API ----------------------------------------------------------------------------


async def api_ask(request: Request) -> Response:
    """`kb ask --json`."""
    state: ServeState = request.app.state.kb
    ask = params.ask_request(request.query_params.multi_items(), state.public)
    if ask.question is None:
        raise BadQuery("give a question as q=...")
    answer = state.current.engine.ask(ask.question, k=ask.k, filters=ask.filters, sort=ask.sort)
    return json_response(answer_json(answer))


async def api_decisions(request: Request) -> Response:
    """`kb decisions --json`."""
    state: ServeState = request.app.state.kb
    wanted = params.register_request(request.query_params.multi_items(), state.public)
    register = state.current.register.find(wanted.query, k=wanted.k, filters=wanted.filters)
    return json_response(register_json(register))


async def api_timeline(request: Request) -> Response:
    """`kb timeline --json`."""
    state: ServeState = request.app.state.kb
    wanted = params.register_request(
        request.query_params.multi_items(), state.public, 40, params.MAX_TIMELINE
    )
    if wanted.query is None:
        raise BadQuery("give a subject as q=...")
    timeline = state.current.register.timeline(wanted.query, filters=wanted.filters, limit=wanted.k)
    return json_response(timeline_json(timeline))


async def api_passage(request: Request) -> Response:
    """`kb show --json`."""
    state: ServeState = request.app.state.kb
    loaded = state.current
    around = params.around(request.query_params.multi_items())
    view = show_passage(request.path_params["chunk_id"], around=around, index=loaded.folder.parent)
    if state.public and any(p.citation.exempt for p in (view.passage, *view.before, *view.after)):
        raise NotFound("no such passage in this index")
    return json_response(to_json(view))


async def healthz(request: Request) -> Response:
    """200 once the index is loaded: its generation, size, mode and measured latency."""
    state: ServeState = request.app.state.kb
    loaded = state.current
    body = {
        "status": "ok",
        "generation": loaded.folder.name,
        "passages": len(loaded.engine.vectors),
        "sources": len(loaded.sources),
        "public": state.public,
        "latency_ms": request.app.state.latency.summary(),
    }
    return json_response(to_json(body))


async def static(request: Request) -> Response:
    """The stylesheet (the only asset; nothing is fetched from elsewhere)."""
    found = STATIC.get(request.path_params["name"])
    if found is None:
        raise NotFound("no such file")
    media_type, path = found
    return FileResponse(path, media_type=media_type, headers={"cache-control": "max-age=3600"})


# --- errors ------------------------------------------------------------------------------


def _error(request: Request, status: int, message: str) -> Response:
    return error_response(request.url.path, status, message, request.app.state.kb.public)


async def kb_error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, NotFound):
        return _error(request, 404, str(exc))
    if isinstance(exc, BadQuery):
        return _error(request, 400, str(exc))
    return _error(request, 503, str(exc))


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = {404: "there is no page at this address", 405: "only GET requests are answered"}
    return _error(request, exc.status_code, message.get(exc.status_code, str(exc.detail)))


async def server_error(request: Request, exc: Exception) -> Response:
    traceback.print_exception(exc, file=sys.stderr)
    return _error(request, 500, "the server could not answer this request; the error was logged")


def create_app(
    index: Path | None = None,
    public: bool = False,
    embedder: Embedder | None = None,
    allowed_hosts: frozenset[str] | None = None,
) -> Guard:
    """The web application over the index at `index` (loaded now). `public` refuses an index
    that is not a public build and keeps exempt text out of every response; with
    `allowed_hosts`, a request naming another Host is refused."""
    state = ServeState(index, public=public, embedder=embedder)
    routes = [
        Route("/", search_page),
        Route("/passage/{chunk_id}", passage_page),
        Route("/source/{source_id}", source_page),
        Route("/source/{source_id}/file", source_file),
        Route("/decisions", decisions_page),
        Route("/decisions.csv", decisions_csv),
        Route("/timeline", timeline_page),
        Route("/api/ask", api_ask),
        Route("/api/decisions", api_decisions),
        Route("/api/timeline", api_timeline),
        Route("/api/passage/{chunk_id}", api_passage),
        Route("/healthz", healthz),
        Route("/static/{name}", static),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={KbError: kb_error, HTTPException: http_error, Exception: server_error},
    )
    app.state.kb = state
    latency = Latency()
    app.state.latency = latency
    guarded = Guard(
        app,
        latency,
        lambda path, status, message: error_response(path, status, message, public),
        allowed_hosts,
    )
    guarded.state = app.state  # type: ignore[attr-defined]
    return guarded

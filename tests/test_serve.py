"""kb serve through Starlette's TestClient with the fake embedder: the API mirrors the CLI,
pages escape paper text, the source route serves only indexed files by id, public mode
never lets exempt text out, and every limit answers with a page or a JSON error."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from kb.cli import app as cli
from kb.errors import IndexNotPublic
from kb.ingest import ingest
from kb.present import register_json
from kb.register import DecisionRegister
from kb.sources import SourceLibrary
from kb.store.generation import current_generation
from kb.web import create_app, is_loopback

from .conftest import CORPUS, SEFTON, FakeEmbedder
from .test_exempt import CANARIES, EXEMPT_PACK, canary_free

runner = CliRunner()
KENT_PDF = "kent-cabinet-2025-01-30-item7-supplementary-pack.pdf"
XSS = '<script>alert("kb-xss")</script>'
XSS_IMG = "<img src=x onerror=alert(1)>"
# entities in a text export become characters in the passage: the tags are paper text
XSS_MINUTES = f"""LICENSING COMMITTEE

MEETING HELD AT THE TOWN HALL ON THURSDAY 5TH DECEMBER, 2024

PRESENT: Councillor Jones (in the Chair)

1. APOLOGIES FOR ABSENCE

No apologies were received.

2. TAXI FARES REVIEW

The Committee considered the taxi fares canary review {XSS.replace("<", "&lt;").replace(">", "&gt;")}.

RESOLVED:

That the taxi fares canary be increased {XSS_IMG.replace("<", "&lt;").replace(">", "&gt;")} by 5%.

3. LIBRARY OPENING HOURS

It was proposed by Councillor Smith and seconded by Councillor Brown that the library open on Sundays.

RESOLVED: That the library opens on Sundays. CARRIED (7 voting FOR, 2 voting AGAINST)

4. TAXI FARES FOLLOW UP

Further to Minute No. 2 of 12 September 2024, the Committee received an update on taxi fares.
"""
PAGE_HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options")


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("serve") / "packs"
    folder.mkdir()
    for name in (EXEMPT_PACK, "002_d82a2967a2835cfe.txt", "003_e1d533a4d0f9a987.txt"):
        shutil.copy(SEFTON / name, folder / name)
    shutil.copy(CORPUS / "kent" / KENT_PDF, folder / KENT_PDF)
    (folder / "licensing-minutes.txt").write_text(XSS_MINUTES, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def members_index(packs: Path) -> Path:
    index = packs.parent / "index"
    report = ingest([packs], index=index, embedder=FakeEmbedder())
    assert not report.failed and len(report.added) == 5
    return index


@pytest.fixture(scope="module")
def public_index(packs: Path) -> Path:
    index = packs.parent / "public-index"
    report = ingest([packs], index=index, embedder=FakeEmbedder(), public=True)
    assert not report.failed and report.withheld_documents == 1
    return index


@pytest.fixture(scope="module")
def client(members_index: Path) -> Iterator[TestClient]:
    with TestClient(
        create_app(members_index, embedder=FakeEmbedder()), raise_server_exceptions=False
    ) as c:
        yield c


@pytest.fixture(scope="module")
def public_client(public_index: Path) -> Iterator[TestClient]:
    with TestClient(
        create_app(public_index, public=True, embedder=FakeEmbedder()),
        raise_server_exceptions=False,
    ) as c:
        yield c


def links(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', html)]


# --- the API mirrors the CLI -------------------------------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        {"k": "3"},
        {"k": "2", "committee": "health wellbeing"},
        {"since": "2023-01-01", "until": "2024-12-31", "type": "appendix"},
        {"decisions": "1", "sort": "date", "k": "4"},
    ],
)
def test_api_ask_is_exactly_kb_ask_json(
    client: TestClient, members_index: Path, fake_embedder, options: dict[str, str]
) -> None:
    question = "how many children were reviewed"
    response = client.get("/api/ask", params={"q": question, **options})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    args = ["ask", question, "--json", "--index", str(members_index)]
    for name, value in options.items():
        if name == "decisions":
            args.append("--decisions")
        else:
            args += ["-k" if name == "k" else f"--{name}", value]
    from_cli = runner.invoke(cli, args)
    assert from_cli.exit_code == 0, from_cli.output
    assert response.json() == json.loads(from_cli.stdout)
    assert set(response.json()) >= {"query", "results", "confident"}


def test_api_decisions_and_timeline_are_the_register_json(
    client: TestClient, members_index: Path
) -> None:
    register = DecisionRegister(members_index)
    try:
        everything = json.loads(register_json(register.find()))
        assert client.get("/api/decisions").json() == everything
        committee = client.get("/api/decisions", params={"committee": "licensing"}).json()
        assert [d["committee"] for d in committee["decisions"]] == ["Licensing Committee"] * 2
    finally:
        register.close()
    found = client.get("/api/decisions", params={"q": "minutes of the previous meeting", "k": 2})
    assert found.status_code == 200 and len(found.json()["decisions"]) == 2
    entry = found.json()["decisions"][0]
    assert set(entry) >= {
        "decision_id",
        "committee",
        "meeting_date",
        "minute",
        "agenda_item",
        "title",
        "text",
        "outcome",
        "votes",
        "mover",
        "seconder",
        "citation",
    }
    timeline = client.get("/api/timeline", params={"q": "taxi fares"}).json()
    dates = [m["meeting_date"] or "9999" for m in timeline["meetings"]]
    assert timeline["query"] == "taxi fares" and dates == sorted(dates)
    follows = [e["follows"] for m in timeline["meetings"] for e in m["entries"] if e["follows"]]
    assert "follows minute 2 of 12 September 2024" in follows
    page = client.get("/timeline", params={"q": "taxi fares"})
    assert "<em>follows minute 2 of 12 September 2024</em>" in page.text


def test_healthz_reports_the_index_and_the_measured_latency(client: TestClient) -> None:
    for _ in range(3):
        assert client.get("/api/ask", params={"q": "budget"}).status_code == 200
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["passages"] > 0 and body["public"] is False
    assert body["latency_ms"]["api_ask"]["count"] >= 3
    assert re.fullmatch(r"app;dur=\d+\.\d\d", response.headers["server-timing"])


def test_api_errors_are_json_400_and_404(client: TestClient) -> None:
    for params in ({}, {"q": " "}, {"q": "x", "k": "0"}, {"q": "x", "since": "May 2024"}):
        response = client.get("/api/ask", params=params)
        assert response.status_code == 400 and set(response.json()) == {"error"}, params
    assert client.get("/api/ask", params={"q": "x", "type": "memo"}).json() == {
        "error": "type takes one of agenda, minutes, report, questions, presentation, "
        "appendix, letter, other, not 'memo'"
    }
    assert client.get("/api/decisions", params={"outcome": "won"}).status_code == 400
    assert client.get("/api/timeline").status_code == 400
    missing = client.get("/api/passage/no-such-chunk")
    assert missing.status_code == 404 and "no passage" in missing.json()["error"]
    assert client.get("/api/nothing-here").json() == {"error": "there is no page at this address"}


# --- pages -------------------------------------------------------------------------------


def test_search_page_shows_cited_highlighted_results_and_keeps_the_query_in_the_url(
    client: TestClient,
) -> None:
    empty = client.get("/")
    assert empty.status_code == 200 and '<label for="q">' in empty.text
    page = client.get("/", params={"q": "Health and Wellbeing Board chair", "k": "3"})
    assert page.status_code == 200
    assert page.text.count('class="hit"') == 3
    assert "<mark>" in page.text and "Health and Wellbeing Board ·" in page.text
    assert 'value="Health and Wellbeing Board chair"' in page.text
    assert "/api/ask?q=Health+and+Wellbeing+Board+chair&amp;k=3" in page.text
    for href in links(page.text):
        if href.startswith("/passage/"):
            assert client.get(href).status_code == 200


def test_results_show_exempt_label_and_decisions(client: TestClient) -> None:
    page = client.get("/", params={"q": CANARIES[0], "k": "3"})
    assert "EXEMPT — not for publication" in page.text
    decided = client.get("/", params={"q": "taxi fares canary", "decisions": "1", "k": "1"})
    assert 'class="decision"' in decided.text and "minute 2" in decided.text
    assert '<span class="outcome outcome-agreed">agreed</span>' in decided.text
    voted = client.get("/", params={"q": "library opening hours on Sundays", "k": "1"})
    assert '<span class="outcome outcome-carried">carried</span>' in voted.text
    assert '<span class="votes">7 for, 2 against</span>' in voted.text
    assert "moved by Councillor Smith, seconded by Councillor Brown" in voted.text


def test_register_filters_by_outcome_and_member(client: TestClient) -> None:
    carried = client.get("/api/decisions", params={"outcome": "carried"}).json()["decisions"]
    assert [(d["title"], d["votes"]) for d in carried] == [
        ("Library Opening Hours", {"for": 7, "against": 2})
    ]
    page = client.get("/decisions", params={"member": "smith"})
    assert page.text.count("<tr>") == 2 and "7 for, 2 against" in page.text
    assert ">carried<" in page.text


def test_low_confidence_message(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    answer = client.get("/api/ask", params={"q": "zebra xylophone quasar"}).json()
    assert answer["confident"] is False and answer["results"]
    page = client.get("/", params={"q": "zebra xylophone quasar"})
    assert (
        '<p class="notice" role="status">No passage answers this well; the closest matches '
        "follow.</p>" in page.text
    )
    # the confidence model is fitted to the real model's scores, not the fake embedder's
    monkeypatch.setattr("kb.search.confidence.Calibration.probability", lambda self, v: 0.9)
    sure = client.get("/", params={"q": "Health and Wellbeing Board chair"})
    assert "No passage answers this well" not in sure.text


def test_confidence_is_shown_when_the_answer_carries_it(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import dataclass

    from kb.model import Answer

    @dataclass(frozen=True)
    class Scored(Answer):
        confidence: float = 0.0

    engine = client.app.state.kb.current.engine  # type: ignore[attr-defined]
    ask = engine.ask

    def scored(*args, **kwargs):
        a = ask(*args, **kwargs)
        return Scored(a.query, a.results, a.confident, confidence=0.42)

    monkeypatch.setattr(engine, "ask", scored)
    page = client.get("/", params={"q": "budget"})
    assert "Confidence that the first passage answers: 42%" in page.text
    assert client.get("/api/ask", params={"q": "budget"}).json()["confidence"] == 0.42


def test_pdf_source_link_opens_the_page_the_passage_is_printed_on(
    client: TestClient, members_index: Path
) -> None:
    question = "Transitions is the process of a minor or young person moving into legal adulthood"
    page = client.get("/", params={"q": question, "k": "1"})
    (href,) = [h for h in links(page.text) if "/file#page=" in h]
    path, page_number = href.split("#page=")
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert response.content == (CORPUS / "kent" / KENT_PDF).read_bytes()
    from kb.read import read_pages

    hit = client.get("/api/ask", params={"q": question, "k": "1"}).json()["results"][0]
    printed = read_pages(CORPUS / "kent" / KENT_PDF)[int(page_number) - 1].text
    assert " ".join(hit["text"].split()[:8]) in " ".join(printed.split())
    assert int(page_number) != hit["citation"]["page"]  # printed page 3 is the file's page 5


def test_text_source_shows_the_document_with_the_passage_highlighted(client: TestClient) -> None:
    hit = client.get("/api/ask", params={"q": "Health and Wellbeing Board", "k": "1"}).json()
    page = client.get("/", params={"q": "Health and Wellbeing Board", "k": "1"})
    (href,) = [h for h in links(page.text) if h.startswith("/source/") and "passage=" in h]
    source = client.get(href.split("#")[0])
    assert source.status_code == 200
    assert f'<div class="cited" id="{hit["results"][0]["chunk_id"]}">' in source.text
    original = client.get(href.split("?")[0] + "/file")
    assert original.headers["content-type"].startswith("text/plain")
    assert original.headers["content-disposition"].startswith("attachment")


def test_register_page_and_csv(client: TestClient) -> None:
    page = client.get("/decisions", params={"committee": "health"})
    assert page.status_code == 200 and "Health and Wellbeing Board" in page.text
    assert "/decisions.csv?committee=health" in page.text
    rows = list(csv.DictReader(io.StringIO(client.get("/decisions.csv?committee=health").text)))
    assert rows and {r["committee"] for r in rows} == {"Health and Wellbeing Board"}
    assert page.text.count("<tr>") == len(rows) + 1
    response = client.get("/decisions.csv")
    assert response.headers["content-disposition"] == 'attachment; filename="decisions.csv"'
    timeline = client.get("/timeline", params={"q": "minutes of the previous meeting"})
    assert timeline.status_code == 200 and 'class="meeting"' in timeline.text


# --- escaping ----------------------------------------------------------------------------


def test_paper_text_is_escaped_everywhere(client: TestClient) -> None:
    hit = client.get("/api/ask", params={"q": "taxi fares canary review", "k": "1"}).json()
    assert XSS in hit["results"][0]["text"]  # the pack really holds the tag as text
    pages = [
        client.get("/", params={"q": "taxi fares canary review"}),
        client.get("/", params={"q": XSS}),  # the question is echoed back
        client.get("/decisions", params={"committee": "licensing"}),
        client.get("/timeline", params={"q": "taxi fares canary"}),
    ]
    chunk_id = hit["results"][0]["chunk_id"]
    pages.append(client.get(f"/passage/{chunk_id}"))
    source = [h for h in links(pages[0].text) if h.startswith("/source/")][0]
    pages.append(client.get(source.split("#")[0]))
    for response in pages:
        assert response.status_code == 200
        assert "<script" not in response.text.lower(), response.url
        assert "<img" not in response.text.lower(), response.url
    assert "&lt;script&gt;alert(&#34;kb-xss&#34;)&lt;/script&gt;" in pages[0].text
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[2].text
    api = client.get("/api/ask", params={"q": "taxi fares canary review"})  # JSON, never HTML
    assert api.headers["content-type"] == "application/json; charset=utf-8"
    assert api.headers["x-content-type-options"] == "nosniff"


def test_every_response_carries_the_content_security_policy(client: TestClient) -> None:
    for url in ("/", "/?q=budget", "/decisions", "/api/ask?q=x", "/healthz", "/nowhere"):
        response = client.get(url)
        for header in PAGE_HEADERS:
            assert header in response.headers, (url, header)
        assert "default-src 'none'" in response.headers["content-security-policy"]
        assert "script-src" not in response.headers["content-security-policy"]


def test_csv_cells_cannot_run_as_formulas(client: TestClient) -> None:
    from kb.present import _cell

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell("Budget") == "Budget"


# --- the source route --------------------------------------------------------------------


def test_sources_are_served_by_id_only(client: TestClient, members_index: Path) -> None:
    folder = current_generation(members_index)
    good = [h for h in links(client.get("/decisions").text) if h.startswith("/source/")][0]
    source_id = good.split("/")[2].split("?")[0]
    assert client.get(f"/source/{source_id}/file").status_code == 200
    attempts = [
        "/source/../../../../etc/passwd",
        "/source/..%2f..%2f..%2f..%2fetc%2fpasswd/file",
        "/source/%2e%2e/file",
        f"/source/{source_id[:-1]}/file",
        f"/source/{source_id}0/file",
        f"/source/{source_id.upper()}/file",
        "/source/0000000000000000/file",
        f"/source/{folder.name}/file",
        "/source/kb.sqlite/file",
        f"/source/{source_id}/file/../../kb.sqlite",
        "/source/%00/file",
        "/static/..%2fapp.py",
        "/static/../templates/base.html",
        "/corpus/sefton/003_e1d533a4d0f9a987.txt",
        "/index/CURRENT",
    ]
    for url in attempts:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "root:" not in response.text and "SQLite format" not in response.text


def test_a_file_changed_since_indexing_is_not_served(
    members_index: Path, packs: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "packs"
    shutil.copytree(packs, copy)
    index = tmp_path / "index"
    ingest([copy], index=index, embedder=FakeEmbedder())
    library = SourceLibrary(current_generation(index))
    (source_id,) = [
        library.id_for(s) for s in library._by_source if s.endswith("003_e1d533a4d0f9a987.txt")
    ]
    assert source_id is not None and library.original(source_id).is_file()
    (copy / "003_e1d533a4d0f9a987.txt").write_text("replaced with something else\n")
    with TestClient(create_app(index, embedder=FakeEmbedder())) as c:
        response = c.get(f"/source/{source_id}/file")
    assert response.status_code == 404 and "changed since it was indexed" in response.text


# --- public mode -------------------------------------------------------------------------


def test_public_mode_refuses_a_members_index(members_index: Path) -> None:
    with pytest.raises(IndexNotPublic, match="is not a public build"):
        create_app(members_index, public=True, embedder=FakeEmbedder())
    result = runner.invoke(cli, ["serve", "--index", str(members_index), "--public"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "is not a public build" in result.stderr


def crawl(client: TestClient, starts: list[str], limit: int = 400) -> dict[str, str]:
    """Every page and file reachable from `starts` on the site (bounded)."""
    seen: dict[str, str] = {}
    queue = list(starts)
    while queue and len(seen) < limit:
        url = queue.pop(0).split("#")[0]
        if url in seen or not url.startswith("/"):
            continue
        response = client.get(url)
        body = response.content.decode("utf-8", "replace")
        if response.headers.get("content-type", "").startswith("application/pdf"):
            from pypdf import PdfReader

            body = "\n".join(
                p.extract_text() or "" for p in PdfReader(io.BytesIO(response.content)).pages
            )
        seen[url] = body
        if "text/html" in response.headers.get("content-type", ""):
            queue += [urljoin(url, h) for h in links(body)]
    return seen


def test_public_server_never_shows_exempt_text(public_client: TestClient) -> None:
    questions = [
        "what framework will the new practice model be: trauma informed systemic?",
        "families subject to child protection planning for over a year",
        "Rapid Improvement Project",
    ]
    starts = ["/", "/decisions", "/decisions.csv", "/api/decisions", "/healthz"]
    for q in questions:
        for extra in ("", "&public=0", "&k=50", "&type=report"):
            starts += [f"/?q={q}{extra}", f"/api/ask?q={q}{extra}"]
        starts += [f"/timeline?q={q}", f"/api/timeline?q={q}", f"/decisions?q={q}"]
    pages = crawl(public_client, starts)
    assert len(pages) > 40 and any(u.startswith("/passage/") for u in pages)
    assert any(u.startswith("/source/") for u in pages)
    for url, body in pages.items():
        assert canary_free(body), url
    assert "Public papers only" in pages["/"]
    for canary in CANARIES:  # asked word for word: the question is echoed, the answer is not
        for url in (f"/?q={canary}&k=20", f"/timeline?q={canary}"):
            assert canary_free(public_client.get(url).text.replace(canary, "")), url
        answer = public_client.get("/api/ask", params={"q": canary, "k": "20"}).json()
        assert answer["results"] and canary_free(json.dumps(answer["results"]))


def test_public_server_withholds_the_file_of_a_pack_with_exempt_papers(
    public_client: TestClient, public_index: Path
) -> None:
    library = SourceLibrary(current_generation(public_index), public=True)
    (exempt_pack,) = [library.id_for(s) for s in library._by_source if s.endswith(EXEMPT_PACK)]
    response = public_client.get(f"/source/{exempt_pack}/file")
    assert response.status_code == 404 and "not for publication" in response.text
    assert canary_free(response.text)
    document = public_client.get(f"/source/{exempt_pack}")
    assert document.status_code == 200 and "withheld from this public index" in document.text
    assert canary_free(document.text)
    others = [library.id_for(s) for s in library._by_source if not s.endswith(EXEMPT_PACK)]
    assert all(public_client.get(f"/source/{i}/file").status_code == 200 for i in others)


# --- limits and errors -------------------------------------------------------------------


def test_limits(client: TestClient) -> None:
    assert client.get("/api/ask", params={"q": "x" * 501}).status_code == 400
    assert client.get("/api/ask", params={"q": "x" * 500}).status_code == 200
    assert client.get("/api/ask", params={"q": "x", "k": "51"}).status_code == 400
    assert client.get("/api/ask", params={"q": "x", "k": "ten"}).status_code == 400
    assert client.get("/api/ask?q=x&q=y").json() == {
        "error": "parameter 'q' is given twice; give it once"
    }
    assert client.get("/api/ask", params={"q": "x", "colour": "red"}).status_code == 400
    assert client.get("/", params={"q": "x", "committee": "c" * 201}).status_code == 400
    assert client.get("/passage/x", params={"around": "9"}).status_code == 400
    assert client.get("/?" + "a" * 5000).status_code == 414
    assert client.request("GET", "/", content=b"x" * 20_000).status_code == 413
    chunked = client.request("GET", "/", content=iter([b"x" * 100]))
    assert chunked.status_code == 413
    assert client.post("/api/ask?q=x", content=b"{}").status_code == 405


def test_errors_are_pages_never_tracebacks(members_index: Path, monkeypatch) -> None:
    app = create_app(members_index, embedder=FakeEmbedder())
    with TestClient(app, raise_server_exceptions=False) as c:
        bad = c.get("/", params={"q": "x", "k": "0"})
        assert bad.status_code == 400 and "<h1>That request cannot be answered</h1>" in bad.text
        missing = c.get("/passage/nothing")
        assert missing.status_code == 404 and "<h1>Not found</h1>" in missing.text

        def broken(*args, **kwargs):
            raise RuntimeError("secret internal detail")

        monkeypatch.setattr(app.state.kb.current.engine, "ask", broken)
        for url in ("/?q=budget", "/api/ask?q=budget"):
            response = c.get(url)
            assert response.status_code == 500
            assert (
                "Traceback" not in response.text and "secret internal detail" not in response.text
            )
            assert "content-security-policy" in response.headers


def test_server_follows_a_new_generation(packs: Path, tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    shutil.copy(packs / "003_e1d533a4d0f9a987.txt", folder)
    index = tmp_path / "index"
    ingest([folder], index=index, embedder=FakeEmbedder())
    with TestClient(create_app(index, embedder=FakeEmbedder())) as c:
        before = c.get("/healthz").json()
        shutil.copy(packs / "licensing-minutes.txt", folder)
        ingest([folder], index=index, embedder=FakeEmbedder())
        after = c.get("/healthz").json()
        assert after["generation"] != before["generation"] and after["sources"] == 2
        hits = c.get("/api/ask", params={"q": "taxi fares canary", "k": "1"}).json()["results"]
        assert hits[0]["citation"]["committee"] == "Licensing Committee"


def test_a_local_server_answers_only_to_its_own_address(members_index: Path) -> None:
    from kb.web.guard import loopback_hosts

    app = create_app(
        members_index, embedder=FakeEmbedder(), allowed_hosts=loopback_hosts("127.0.0.1", 8000)
    )
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/healthz").status_code == 200
        assert c.get("/", headers={"host": "localhost:8000"}).status_code == 200
        rebound = c.get("/api/ask?q=budget", headers={"host": "attacker.example:8000"})
        assert rebound.status_code == 421 and "error" in rebound.json()
        assert c.get("/", headers={"host": "attacker.example"}).status_code == 421


def test_loopback_addresses() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")

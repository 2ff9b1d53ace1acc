"""The `kb` command line: parse arguments, call one library function, print what comes back."""

from __future__ import annotations

import functools
import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import click
import typer
from rich.console import Console

from kb.errors import KbError

app = typer.Typer(
    help="kb: search UK council committee papers and get cited passages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)

IndexOption = Annotated[
    Path | None, typer.Option("--index", help="Index folder (default: $KB_INDEX or ./index).")
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON for scripts (see CONTRACT.md).")
]
CommitteeOption = Annotated[
    str | None, typer.Option("--committee", help="Only this committee (fuzzy).")
]


def _day(value: str | None) -> str | None:
    """A --since / --until date as YYYY-MM-DD; anything else is wrong usage (exit 2)."""
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; give YYYY-MM-DD") from None


SinceOption = Annotated[
    str | None,
    typer.Option("--since", help="Only meetings on or after YYYY-MM-DD.", callback=_day),
]
UntilOption = Annotated[
    str | None,
    typer.Option("--until", help="Only meetings on or before YYYY-MM-DD.", callback=_day),
]
F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn library errors into one `Error: ...` line on stderr and exit code 1.

    Domain errors say what to do; a damaged database found mid-read is one too. Anything
    else is a bug: one line naming it (KB_DEBUG=1 prints the traceback as well).
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KbError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            err.print(
                "Error: interrupted; the index is as it was before this command", markup=False
            )
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # the reader of our output went away (`kb ask ... | head`)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(1) from None
        except Exception as exc:
            from kb.store.db import damage

            damaged = damage(exc)
            if damaged is not None:
                _fail(str(damaged))
            _fail(
                f"internal error ({type(exc).__name__}: {exc}); please report it — "
                "run with KB_DEBUG=1 for details"
            )

    return wrapper  # type: ignore[return-value]


def _fail(message: str) -> NoReturn:
    """Print `message` as one `Error:` line (after the traceback, with KB_DEBUG=1) and exit 1."""
    if os.environ.get("KB_DEBUG") and sys.exc_info()[0] is not None:
        traceback.print_exc()
    line = " ".join(message.split())
    err.print(f"Error: {line}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1) from None


def _progress(quiet: bool) -> tuple[Any, Callable[[str, int, int], None]]:
    if quiet or not sys.stderr.isatty():
        return None, lambda stage, done, total: None
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            label = {"parse": "Parsing files", "embed": "Embedding passages"}.get(stage, stage)
            tasks[stage] = bar.add_task(label, total=total, rate="")
        task = bar.tasks[tasks[stage]]
        elapsed = task.elapsed or 0.0
        rate = f"{done / elapsed:.1f}/s" if elapsed > 0 and done else ""
        bar.update(tasks[stage], completed=done, total=total, rate=rate)

    return bar, update


@app.command()
@handle_errors
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders of packs (default: corpus/).")
    ] = None,
    index: IndexOption = None,
    model: Annotated[
        str | None, typer.Option("--model", help="Sentence-transformers model name or path.")
    ] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Re-parse and re-embed everything.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="Public build: exempt papers are withheld entirely; the index stays public.",
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Parse agenda packs and build or update the index (only changed files are redone)."""
    from kb.ingest import ingest as run_ingest

    bar, update = _progress(quiet)
    if bar:
        with bar:
            report = run_ingest(
                paths, index=index, model=model, rebuild=rebuild, progress=update, public=public
            )
    else:
        report = run_ingest(
            paths, index=index, model=model, rebuild=rebuild, progress=update, public=public
        )
    for source, message in report.failed:
        err.print(f"Error: {source}: {message}", markup=False, soft_wrap=True)
    for message in report.notes:
        err.print(f"Note: {message}", markup=False, soft_wrap=True)
    if as_json:
        from kb.present import to_json

        out.print(to_json(report), markup=False)
    elif not quiet:
        err.print(
            f"{len(report.added)} added, {len(report.changed)} changed, {len(report.removed)} removed, "
            f"{len(report.unchanged)} unchanged, {len(report.failed)} failed; "
            f"{report.passages_embedded} passages embedded, {report.passages_total} in the index"
            + (
                f"; {report.withheld_documents} exempt documents withheld (public index)"
                if report.public
                else ""
            )
            + f" ({report.seconds.get('total', 0):.1f} s)",
            markup=False,
        )
    if report.failed:
        raise typer.Exit(1)


@app.command()
@handle_errors
def ask(
    question: Annotated[
        str | None, typer.Argument(help="Your question, in your own words.")
    ] = None,
    k: Annotated[int, typer.Option("-k", help="How many passages to return.", min=1)] = 5,
    batch: Annotated[
        Path | None,
        typer.Option(
            "--batch", help="File with one question a line, or - for stdin (JSON Lines out)."
        ),
    ] = None,
    committee: CommitteeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    doc_type: Annotated[
        str | None, typer.Option("--type", help="Only this document type (minutes, report, ...).")
    ] = None,
    decisions: Annotated[
        bool, typer.Option("--decisions", help="Only passages with RESOLVED decisions.")
    ] = False,
    public: Annotated[
        bool, typer.Option("--public", help="Leave out exempt (not for publication) passages.")
    ] = False,
    sort: Annotated[
        str, typer.Option("--sort", help="'relevance' (default) or 'date' for a timeline.")
    ] = "relevance",
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """Answer a question with the passages that answer it, each cited."""
    from kb.errors import BadQuery
    from kb.present import answer_json, print_answer
    from kb.search import Filters, SearchEngine
    from kb.search.understand import analyse

    if (question is None) == (batch is None):
        raise BadQuery("give either a QUESTION or --batch FILE")
    filters = Filters(committee, since, until, doc_type, decisions, public)
    if batch is not None:
        try:
            text = sys.stdin.read() if str(batch) == "-" else batch.read_text(encoding="utf-8")
            questions = [q.strip() for q in text.splitlines() if q.strip()]
        except OSError as exc:
            raise BadQuery(f"cannot read {batch} ({exc.strerror}); check the path") from exc
    else:
        questions = [question or ""]
    engine = SearchEngine(index)
    for q in questions:
        answer = engine.ask(q, k=k, filters=filters, sort=sort)
        if as_json:
            print(answer_json(answer), flush=True)
        else:
            if batch is not None:
                out.print(f"[bold]Q: {q}[/bold]")
            print_answer(out, answer, list(analyse(q).terms))


@app.command()
@handle_errors
def decisions(
    query: Annotated[
        str | None, typer.Argument(help="A subject; without it, every decision the filters allow.")
    ] = None,
    k: Annotated[int, typer.Option("-k", help="How many decisions for a QUERY.", min=1)] = 20,
    committee: CommitteeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome", help="carried, lost, noted, approved, agreed, deferred or withdrawn."
        ),
    ] = None,
    member: Annotated[
        str | None,
        typer.Option("--member", help="Decisions this member moved, seconded or voted on."),
    ] = None,
    public: Annotated[
        bool, typer.Option("--public", help="Leave out exempt (not for publication) decisions.")
    ] = False,
    index: IndexOption = None,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV (one row a decision).")] = False,
    as_markdown: Annotated[
        bool, typer.Option("--markdown", help="Print a Markdown table for a report.")
    ] = False,
) -> None:
    """The decision register: every resolution with its outcome, votes and movers, newest
    first, or the decisions that best match QUERY."""
    from kb.errors import BadQuery
    from kb.present import print_register, register_csv, register_json, register_markdown
    from kb.register import DecisionRegister, RegisterFilters

    if sum((as_json, as_csv, as_markdown)) > 1:
        raise BadQuery("choose one of --json, --csv and --markdown")
    register = DecisionRegister(index)
    try:
        found = register.find(
            query, k=k, filters=RegisterFilters(committee, since, until, outcome, member, public)
        )
    finally:
        register.close()
    if as_json:
        print(register_json(found), flush=True)
    elif as_csv:
        sys.stdout.write(register_csv(found))
    elif as_markdown:
        sys.stdout.write(register_markdown(found))
    else:
        print_register(out, found)


@app.command()
@handle_errors
def timeline(
    query: Annotated[str, typer.Argument(help="The subject to follow through its meetings.")],
    committee: CommitteeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    public: Annotated[
        bool, typer.Option("--public", help="Leave out exempt (not for publication) papers.")
    ] = False,
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """One subject through its meetings, oldest first: the reports, minutes and decisions
    about it, each cited, with the earlier minute each follows where the papers say."""
    from kb.present import print_timeline, timeline_json
    from kb.register import DecisionRegister, RegisterFilters

    register = DecisionRegister(index)
    try:
        found = register.timeline(
            query, filters=RegisterFilters(committee, since, until, None, None, public)
        )
    finally:
        register.close()
    if as_json:
        print(timeline_json(found), flush=True)
    else:
        print_timeline(out, found)


@app.command()
@handle_errors
def show(
    chunk_id: Annotated[str, typer.Argument(help="A chunk id from `kb ask`.")],
    around: Annotated[int, typer.Option("--around", help="Passages of context either side.")] = 1,
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one passage within its surrounding passages, with its full citation."""
    from rich.markup import escape

    from kb.present import EXEMPT_LABEL, citation_line, decision_line, to_json
    from kb.views import show_passage

    view = show_passage(chunk_id, around=around, index=index)
    if as_json:
        out.print(to_json(view), markup=False)
        return
    c = view.passage.citation
    out.print(f"[bold]{c.title or c.doc_type}[/bold]  [dim]{view.passage.chunk_id}[/dim]")
    out.print(f"[green]{citation_line(c)}[/green]", markup=True)
    if c.exempt:
        out.print(f"[bold red]{EXEMPT_LABEL}[/bold red]")
    for p in view.before:
        out.print(p.text, style="dim", markup=False)
    out.print(view.passage.text, style="bold", markup=False)
    for p in view.after:
        out.print(p.text, style="dim", markup=False)
    for d in view.decisions:
        out.print(f"\n[magenta]decision: {escape(decision_line(d))}[/magenta]")
        out.print(d.text, markup=False)
        for side, names in (d.voters or {}).items():
            out.print(f"  {side} ({len(names)}): {', '.join(names)}", markup=False)


@app.command()
@handle_errors
def inspect(
    file: Annotated[Path, typer.Argument(help="One pack, minutes or report (PDF, text, HTML).")],
    furniture: Annotated[
        bool, typer.Option("--furniture", help="List every piece of page furniture removed.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Show what the parser finds in one file, without indexing it: meeting, documents,
    minutes, decisions (outcome, votes, mover, seconder) and the furniture it removed."""
    from kb.inspect import inspect_file
    from kb.present import print_inspection, to_json

    found = inspect_file(file)
    if as_json:
        out.print(to_json(found), markup=False)
        return
    print_inspection(out, found, furniture=furniture)


@app.command()
@handle_errors
def stats(index: IndexOption = None, as_json: JsonOption = False) -> None:
    """Counts of packs, meetings, documents, passages and decisions; model; index size."""
    from kb.present import to_json
    from kb.views import index_stats

    info = index_stats(index)
    if as_json:
        out.print(to_json(info), markup=False)
        return
    for key, value in info.items():
        out.print(f"{key:>18}: {value}", markup=False)


@app.command()
@handle_errors
def verify(
    index: IndexOption = None,
    skip_model: Annotated[
        bool, typer.Option("--skip-model", help="Do not re-check the model's checksum.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Check that manifest, SQLite and FAISS agree (counts, ids, model checksum, schema); exit 1 on any problem."""
    from kb.verify import verify_index

    problems = verify_index(index, check_model=not skip_model)
    if as_json:
        print(json.dumps({"ok": not problems, "problems": problems}))
    elif problems:
        for problem in problems:
            err.print(f"Error: {problem}", markup=False, soft_wrap=True)
    else:
        out.print("index is consistent", markup=False)
    if problems:
        raise typer.Exit(1)


@app.command()
@handle_errors
def serve(
    index: IndexOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)
    ] = 8000,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="Serve a public build only (refused otherwise); no exempt text in any response.",
        ),
    ] = False,
) -> None:
    """Answer in a web browser: search, passages, sources, decisions, timeline and a JSON API."""
    from kb.web import is_loopback
    from kb.web import serve as run_server

    if not public and not is_loopback(host):
        err.print(
            f"Note: serving a members' index on {host}: anyone who can reach it can read exempt "
            "papers; use --public with a public build for a public site",
            markup=False,
        )
    mode = "public build" if public else "members' index"

    def ready(url: str) -> None:
        err.print(f"kb serve: {url} ({mode}); Ctrl-C stops", markup=False)

    run_server(index, host, port, public, ready=ready)


@app.command(name="eval")
@handle_errors
def evaluate_cmd(
    files: Annotated[
        list[Path], typer.Argument(help="Question files (JSON Lines with gold phrases).")
    ],
    k: Annotated[int, typer.Option("-k", help="Passages retrieved per question.", min=10)] = 10,
    misses: Annotated[
        bool,
        typer.Option(
            "--misses/--no-misses", help="List the questions not answered first (default: list)."
        ),
    ] = True,
    index: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """Measure retrieval on questions with gold answers: Hit@1/5/10, MRR@10 per file, split and
    question type, citation accuracy, and how well `confident` flags unanswerable questions."""
    from kb.evaluate import evaluate, load_questions
    from kb.present import eval_tables, to_json
    from kb.search import SearchEngine

    engine = SearchEngine(index)
    report = evaluate(load_questions(files), lambda q: engine.ask(q, k=k))
    if as_json:
        out.print(to_json(report), markup=False)
        return
    out.print(
        f"questions {report.questions} (answerable {report.answerable})  Hit@1 {report.hit_at_1:.3f}  "
        f"Hit@5 {report.hit_at_5:.3f}  Hit@10 {report.hit_at_10:.3f}  MRR@10 {report.mrr_at_10:.3f}",
        markup=False,
    )
    out.print(
        "citation accuracy on hits: "
        + ", ".join(f"{k} {v:.3f}" for k, v in report.citation_accuracy.items()),
        markup=False,
    )
    out.print("\n" + eval_tables(report) + "\n", markup=False)
    for r in report.results if misses else []:
        if r.answerable and r.rank != 1:
            where = f"rank {r.rank}" if r.rank else "missed"
            out.print(f"  {where:>8}  {r.id}  {r.query}", markup=False)
            if r.first:
                out.print(
                    f"            first: {r.first.get('source')} {r.first.get('meeting_date')} — {r.first.get('text')}",
                    markup=False,
                )
        elif not r.answerable and r.confident:
            out.print(f"  confident {r.id}  {r.query}  ({r.confidence})", markup=False)


if __name__ == "__main__":
    app()

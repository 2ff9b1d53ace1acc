"""Rendering results for people (Rich) and for scripts (JSON, exactly as the contract says)."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from kb.chunk import human_date
from kb.inspect import Inspection
from kb.model import Answer, Citation, HeldDecision, Hit

if TYPE_CHECKING:
    from kb.register import DecisionRecord, Register, Timeline
    from kb.store.db import StoredDecision

if TYPE_CHECKING:
    from kb.evaluate import EvalReport

EXEMPT_LABEL = "EXEMPT — not for publication"


def answer_json(answer: Answer) -> str:
    """One JSON object (one line) for an answer, as in CONTRACT.md."""
    return json.dumps(asdict(answer), ensure_ascii=False)


def to_json(data: Any) -> str:
    """Any dataclass or plain data as indented JSON."""
    if hasattr(data, "__dataclass_fields__"):
        data = asdict(data)
    return json.dumps(data, ensure_ascii=False, indent=2)


def register_json(register: Register) -> str:
    """One JSON object (one line) for a register, as `kb decisions --json` in CONTRACT.md."""
    return json.dumps(asdict(register), ensure_ascii=False)


def timeline_json(timeline: Timeline) -> str:
    """One JSON object (one line) for a timeline."""
    return json.dumps(asdict(timeline), ensure_ascii=False)


REGISTER_COLUMNS = (
    "meeting_date",
    "committee",
    "minute",
    "agenda_item",
    "title",
    "outcome",
    "votes_for",
    "votes_against",
    "votes_abstain",
    "mover",
    "seconder",
    "text",
    "source",
    "page",
    "exempt",
    "decision_id",
    "chunk_id",
)


def register_rows(register: Register) -> list[dict[str, object]]:
    """The register as flat rows (REGISTER_COLUMNS), for CSV and tables."""
    rows: list[dict[str, object]] = []
    for d in register.decisions:
        votes = d.votes or {}
        rows.append(
            {
                "meeting_date": d.meeting_date,
                "committee": d.committee,
                "minute": d.minute,
                "agenda_item": d.agenda_item,
                "title": d.title,
                "outcome": d.outcome,
                "votes_for": votes.get("for"),
                "votes_against": votes.get("against"),
                "votes_abstain": votes.get("abstain"),
                "mover": d.mover,
                "seconder": d.seconder,
                "text": d.text,
                "source": d.citation.source,
                "page": d.citation.page,
                "exempt": d.citation.exempt,
                "decision_id": d.decision_id,
                "chunk_id": d.chunk_id,
            }
        )
    return rows


def register_csv(register: Register) -> str:
    """The register as CSV with a header row (REGISTER_COLUMNS); unknown values are empty.

    A cell that a spreadsheet would run as a formula (starting =, +, - or @) is prefixed
    with an apostrophe.
    """
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=REGISTER_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in register_rows(register):
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value


def register_markdown(register: Register) -> str:
    """The register as a Markdown table: date, committee, minute, title, outcome, votes, decision."""
    lines = [
        "| meeting | committee | minute | title | outcome | votes | decision | source |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for d in register.decisions:
        votes = (
            f"{d.votes.get('for', 0)}–{d.votes.get('against', 0)}–{d.votes.get('abstain', 0)}"
            if d.votes
            else ""
        )
        page = f" p. {d.citation.page}" if d.citation.page is not None else ""
        cells = [
            d.meeting_date or "",
            d.committee or "",
            d.minute or "",
            d.title or "",
            d.outcome or "",
            votes,
            " ".join(d.text.split()),
            f"{d.citation.source}{page}",
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def citation_line(c: Citation) -> str:
    """'Committee · 24 September 2024 · item 4 · minute 18 · p. 11 · source' (unknown parts left out)."""
    parts = [c.committee or "committee unknown", human_date(c.meeting_date) or "date unknown"]
    if c.pack_date and c.pack_date != c.meeting_date:
        parts.append(f"printed in the pack of {human_date(c.pack_date)}")
    if c.agenda_item:
        parts.append(f"item {c.agenda_item}")
    if c.minute:
        parts.append(f"minute {c.minute}")
    if c.page is not None:
        parts.append(f"p. {c.page}")
    parts.append(c.source)
    return " · ".join(parts)


def _term_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """Words starting with a query term's stem (longest first), or None for no terms."""
    stems = sorted(
        {t[: max(4, len(t) - 2)] if len(t) > 4 else t for t in terms if len(t) > 1},
        key=len,
        reverse=True,
    )
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def highlight(text: str, terms: list[str]) -> Text:
    """The passage with query terms (and their word stems) in bold yellow."""
    rich_text = Text(text)
    pattern = _term_pattern(terms)
    if pattern is not None:
        rich_text.highlight_regex(pattern, "bold yellow")
    return rich_text


def highlight_spans(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """The passage cut into (text, is a query term) pieces, in order, for a page to mark up."""
    pattern = _term_pattern(terms)
    if pattern is None:
        return [(text, False)] if text else []
    spans: list[tuple[str, bool]] = []
    at = 0
    for match in pattern.finditer(text):
        if match.start() > at:
            spans.append((text[at : match.start()], False))
        spans.append((match.group(0), True))
        at = match.end()
    if at < len(text):
        spans.append((text[at:], False))
    return spans


def print_answer(console: Console, answer: Answer, terms: list[str]) -> None:
    """Print an answer for a person: each hit with its citation, highlighted text and duplicates."""
    if not answer.results:
        console.print(f"No passages match [bold]{escape(answer.query)}[/bold].")
        return
    if not answer.confident:
        sure = f" (confidence {answer.confidence:.2f})" if answer.confidence is not None else ""
        console.print(
            f"[yellow]No confident answer{sure}: no passage answers this well; "
            "the closest matches follow.[/yellow]"
        )
    for hit in answer.results:
        print_hit(console, hit, terms)


def print_hit(console: Console, hit: Hit, terms: list[str]) -> None:
    """One result: rank, score, title, citation, exempt label, text, other places."""
    c = hit.citation
    title = f" {escape(c.title)}" if c.title else ""
    console.print(
        f"[bold cyan][{hit.rank}][/bold cyan] [dim]{hit.score:.3f}[/dim] [bold]{c.doc_type}[/bold]{title}"
    )
    console.print(f"    [green]{escape(citation_line(c))}[/green]  [dim]{hit.chunk_id}[/dim]")
    for d in hit.decisions:
        console.print(f"    [magenta]decision: {escape(decision_line(d))}[/magenta]")
    if c.exempt:
        console.print(f"    [bold red]{EXEMPT_LABEL}[/bold red]")
    console.print(highlight(hit.text, terms), soft_wrap=False)
    for other in hit.also_in:
        console.print(f"    [dim]also in: {escape(citation_line(other))}[/dim]")
    console.print()


def eval_tables(report: EvalReport) -> str:
    """Markdown tables of an evaluation: per split and file, per question type (one column
    pair per split), and the confidence figures."""
    lines = [
        "| split | file | questions | answerable | Hit@1 | Hit@5 | Hit@10 | MRR@10 |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    from kb.evaluate import SPLITS

    def cells(s: object) -> str:
        return (
            f"{s.questions} | {s.answerable} | {s.hit_at_1:.3f} | {s.hit_at_5:.3f} | "  # type: ignore[attr-defined]
            f"{s.hit_at_10:.3f} | {s.mrr_at_10:.3f}"  # type: ignore[attr-defined]
        )

    for split, summary in report.by_split.items():
        for name, per_file in report.by_file.items():
            if SPLITS.get(name, name or "other") == split:
                lines.append(f"| {split} | {name} | {cells(per_file)} |")
        lines.append(f"| **{split}** | all | {cells(summary)} |")
    splits = [s for s in report.by_type if s != "all"]
    types = sorted({t for per in report.by_type.values() for t in per} - {"unanswerable"})
    lines += [
        "",
        "| type | " + " | ".join(f"{s} n | {s} Hit@1 | {s} Hit@5 | {s} MRR" for s in splits) + " |",
        "| --- |" + " ---: |" * (4 * len(splits)),
    ]
    for t in types:
        row = [t]
        for split in splits:
            s = report.by_type[split].get(t)
            row += (
                [str(s.answerable), f"{s.hit_at_1:.3f}", f"{s.hit_at_5:.3f}", f"{s.mrr_at_10:.3f}"]
                if s
                else ["0", "", "", ""]
            )
        lines.append("| " + " | ".join(row) + " |")
    lines += [
        "",
        "| split | unanswerable | flagged not confident | answered in top 5 | stay confident | Brier |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for split, c in report.confidence.items():
        brier = f"{c.brier:.3f}" if c.brier is not None else ""
        lines.append(
            f"| {split} | {c.unanswerable} | {c.unanswerable_flagged:.3f} | {c.answered_in_top_5} | "
            f"{c.answered_confident:.3f} | {brier} |"
        )
    return "\n".join(lines)


def decision_line(d: HeldDecision | DecisionRecord | StoredDecision) -> str:
    """'carried (7 for, 2 against) · moved by X · seconded by Y'."""
    parts = [d.outcome or "no outcome" + (f" ({votes_text(d.votes)})" if d.votes else "")]
    if d.outcome and d.votes:
        parts[0] = f"{d.outcome} ({votes_text(d.votes)})"
    if d.kind != "resolution":
        parts.append(d.kind)
    parts += [f"moved by {d.mover}"] if d.mover else []
    parts += [f"seconded by {d.seconder}"] if d.seconder else []
    return " · ".join(parts)


def votes_text(votes: dict[str, int] | None) -> str:
    """'7 for, 2 against, 1 abstention' (counts not printed are left out)."""
    if not votes:
        return ""
    names = {"for": "for", "against": "against", "abstain": "abstaining"}
    return ", ".join(f"{votes[k]} {names[k]}" for k in ("for", "against", "abstain") if k in votes)


def print_inspection(console: Console, found: Inspection, furniture: bool = False) -> None:
    """What the parser found in one file, for a person: meeting, documents, minutes, decisions."""
    m = found.meeting
    console.print(f"[bold]{escape(found.source)}[/bold]  [dim]{_count(found.pages, 'page')}[/dim]")
    console.print(
        f"meeting: {escape(m.get('committee') or 'committee unknown')} · "
        f"{human_date(m.get('meeting_date')) or 'date unknown'}"
        + (f" · {escape(m.get('time') or '')}" if m.get("time") else "")
    )
    console.print(f"\n[bold]documents[/bold] ({len(found.documents)})")
    for doc in found.documents:
        pages = "–".join(str(p) for p in dict.fromkeys(doc.pages) if p is not None) or "?"
        extra = (
            f" · {_count(doc.minutes, 'minute')}, {_count(doc.decisions, 'decision')}"
            if doc.minutes
            else ""
        )
        console.print(
            f"  {doc.doc_type:<12} p. {pages:<7} item {doc.agenda_item or '-':<4} "
            f"{escape(doc.title or '(untitled)')} · {escape(doc.committee or '?')} · "
            f"{doc.meeting_date or '?'}{extra}"
            + (f" [bold red]{EXEMPT_LABEL}[/bold red]" if doc.exempt else "")
        )
    console.print(f"\n[bold]minutes[/bold] ({len(found.minutes)})")
    for minute in found.minutes:
        item = f" (item {minute.agenda_item})" if minute.agenda_item else ""
        console.print(
            f"  [cyan]{escape(minute.number or '—')}[/cyan] {escape(minute.title)}{item} · p. {minute.page or '?'}"
            f" · {minute.meeting_date or '?'}"
        )
        for d in minute.decisions:
            who = " · ".join(
                f"{role} {escape(name)}"
                for role, name in (("moved by", d.mover), ("seconded by", d.seconder))
                if name
            )
            console.print(
                f"      [green]{d.outcome or 'no outcome'}[/green]"
                + (f" ({votes_text(d.votes)})" if d.votes else "")
                + (f" [dim]{d.kind}[/dim]" if d.kind != "resolution" else "")
                + (f" · {who}" if who else "")
            )
            first = d.text.replace("\n", " ")
            console.print(f"        {escape(first[:160])}{'…' if len(first) > 160 else ''}")
    kinds: dict[str, int] = {}
    for f in found.furniture:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    console.print(
        "\n[bold]furniture removed[/bold]: "
        + (", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "none")
    )
    if furniture:
        for f in found.furniture:
            console.print(
                f"  [dim]{f.kind:<7} page {f.page_index + 1:<4}[/dim] {escape(f.text[:100])}"
            )


def print_register(console: Console, register: Register) -> None:
    """The register as a table: meeting, committee, minute, title, decision, outcome, votes, who."""
    from rich.table import Table

    if not register.decisions:
        what = f" about [bold]{escape(register.query)}[/bold]" if register.query else ""
        console.print(f"No decisions{what} match.")
        return
    if console.width < 120:
        _print_register_stacked(console, register)
        return
    table = Table(show_lines=True, expand=True)
    for name, ratio, least in (
        ("meeting", 2, 11), ("committee", 3, 10), ("minute", 1, 6), ("decision", 9, 30),
        ("outcome", 1, 9), ("votes", 2, 9), ("moved / seconded", 3, 10), ("cited", 3, 12),
    ):  # fmt: skip
        table.add_column(name, ratio=ratio, min_width=least, overflow="fold")
    for d in register.decisions:
        first = " ".join(d.text.split())
        text = f"[bold]{escape(d.title or '')}[/bold]\n{escape(first[:300])}{'…' if len(first) > 300 else ''}"
        who = " / ".join(n for n in (d.mover, d.seconder) if n)
        page = f" p. {d.citation.page}" if d.citation.page is not None else ""
        table.add_row(
            human_date(d.meeting_date) or "?",
            escape(d.committee or "?"),
            escape(d.minute or ""),
            text + (f"\n[bold red]{EXEMPT_LABEL}[/bold red]" if d.citation.exempt else ""),
            d.outcome or "",
            votes_text(d.votes),
            escape(who),
            escape(f"{d.citation.source}{page}"),
        )
    console.print(table)
    console.print(f"[dim]{_count(len(register.decisions), 'decision')}[/dim]")


def _print_register_stacked(console: Console, register: Register) -> None:
    """The register on a narrow terminal: one block per decision instead of a table."""
    for d in register.decisions:
        head = [human_date(d.meeting_date) or "date unknown", d.committee or "committee unknown"]
        if d.minute:
            head.append(f"minute {d.minute}")
        outcome = d.outcome or ""
        if d.votes:
            outcome = f"{outcome} ({votes_text(d.votes)})"
        console.print(
            f"[bold]{escape(' · '.join(head))}[/bold]"
            + (f" · [green]{escape(outcome)}[/green]" if outcome else "")
            + (f" [bold red]{EXEMPT_LABEL}[/bold red]" if d.citation.exempt else "")
        )
        if d.title:
            console.print(f"  {escape(d.title)}")
        first = " ".join(d.text.split())
        console.print(f"  {escape(first[:300])}{'…' if len(first) > 300 else ''}")
        who = [
            f"moved by {d.mover}" if d.mover else "",
            f"seconded by {d.seconder}" if d.seconder else "",
        ]
        if any(who):
            console.print(f"  {escape(' · '.join(w for w in who if w))}")
        page = f" p. {d.citation.page}" if d.citation.page is not None else ""
        console.print(f"  [dim]{escape(d.citation.source)}{page}[/dim]\n")
    console.print(f"[dim]{_count(len(register.decisions), 'decision')}[/dim]")


def print_timeline(console: Console, timeline: Timeline) -> None:
    """A subject through its meetings, oldest first: each meeting's papers and decisions."""
    if not timeline.meetings:
        console.print(f"Nothing in the papers follows [bold]{escape(timeline.query)}[/bold].")
        return
    for meeting in timeline.meetings:
        console.print(
            f"[bold]{human_date(meeting.meeting_date) or 'date unknown'}[/bold] · "
            f"{escape(meeting.committee or 'committee unknown')}"
        )
        for e in meeting.entries:
            c = e.citation
            label = e.kind
            if e.decision is not None:
                votes = f" ({votes_text(e.decision.votes)})" if e.decision.votes else ""
                label = f"decision: {e.decision.outcome or 'no outcome'}{votes}"
            where = " · ".join(
                x
                for x in (
                    f"minute {c.minute}" if c.minute else "",
                    f"item {c.agenda_item}" if c.agenda_item else "",
                    f"p. {c.page}" if c.page is not None else "",
                    c.source,
                )
                if x
            )
            console.print(
                f"  [cyan]{escape(label)}[/cyan] {escape(c.title or '')} [dim]{escape(where)}[/dim]"
            )
            if e.follows:
                console.print(f"    [yellow]{escape(e.follows)}[/yellow]")
            body = " ".join((e.decision.text if e.decision else e.text).split())
            console.print(f"    {escape(body[:240])}{'…' if len(body) > 240 else ''}")
        console.print()


def _count(n: int, noun: str) -> str:
    """'1 decision', '7 decisions'."""
    return f"{n} {noun}" + ("" if n == 1 else "s")

"""Reading a request's query parameters into the arguments of the library calls, with the
limits the server holds to: the same names and meanings as the options of `kb ask`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kb.errors import BadQuery
from kb.model import DOC_TYPES
from kb.register import OUTCOMES, RegisterFilters
from kb.search import Filters

MAX_QUESTION = 500  # characters
MAX_FIELD = 200  # characters of any other parameter
MAX_K = 50
MAX_AROUND = 5
MAX_TIMELINE = 100
SORTS = ("relevance", "date")
TRUE = ("1", "true", "on", "yes")
FALSE = ("", "0", "false", "off", "no")


@dataclass(frozen=True)
class AskRequest:
    """A question with its `kb ask` options."""

    question: str | None  # None: no question asked yet (the empty search page)
    k: int
    filters: Filters
    sort: str


@dataclass(frozen=True)
class RegisterRequest:
    """A register or timeline request: optional query, how many, filters."""

    query: str | None
    k: int
    filters: RegisterFilters


class Params:
    """A request's parameters, each given at most once and all of them known."""

    def __init__(self, items: Iterable[tuple[str, str]], known: tuple[str, ...]) -> None:
        self.values: dict[str, str] = {}
        for name, value in items:
            if name not in known:
                raise BadQuery(f"unknown parameter {name!r}; use {', '.join(known)}")
            if name in self.values:
                raise BadQuery(f"parameter {name!r} is given twice; give it once")
            limit = MAX_QUESTION if name == "q" else MAX_FIELD
            if len(value) > limit:
                raise BadQuery(f"{name} is longer than {limit} characters; shorten it")
            self.values[name] = value

    def text(self, name: str) -> str | None:
        """The parameter stripped, None when absent or blank."""
        value = self.values.get(name, "").strip()
        return value or None

    def number(self, name: str, default: int, low: int, high: int) -> int:
        """An integer parameter within [low, high]."""
        raw = self.text(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise BadQuery(f"{name} must be a whole number, not {raw!r}") from None
        if not low <= value <= high:
            raise BadQuery(f"{name} must be between {low} and {high}")
        return value

    def day(self, name: str) -> str | None:
        """A YYYY-MM-DD date parameter, as ISO text."""
        raw = self.text(name)
        if raw is None:
            return None
        try:
            return date.fromisoformat(raw).isoformat()
        except ValueError:
            raise BadQuery(f"{name} must be a date as YYYY-MM-DD, not {raw!r}") from None

    def flag(self, name: str) -> bool:
        """A yes/no parameter (1, true, on, yes / 0, false, off, no)."""
        raw = (self.text(name) or "").lower()
        if raw in TRUE:
            return True
        if raw in FALSE:
            return False
        raise BadQuery(f"{name} takes 1 or 0, not {raw!r}")

    def choice(self, name: str, choices: tuple[str, ...]) -> str | None:
        """One of `choices`, or None when absent."""
        raw = self.text(name)
        if raw is not None and raw not in choices:
            raise BadQuery(f"{name} takes one of {', '.join(choices)}, not {raw!r}")
        return raw


ASK_PARAMS = ("q", "k", "committee", "since", "until", "type", "decisions", "public", "sort")


def ask_request(items: Iterable[tuple[str, str]], public: bool) -> AskRequest:
    """The question and options of a search; `public` (the server's mode) always applies."""
    p = Params(items, ASK_PARAMS)
    return AskRequest(
        question=p.text("q"),
        k=p.number("k", 5, 1, MAX_K),
        filters=Filters(
            committee=p.text("committee"),
            since=p.day("since"),
            until=p.day("until"),
            doc_type=p.choice("type", DOC_TYPES),
            decisions=p.flag("decisions"),
            public=public or p.flag("public"),
        ),
        sort=p.choice("sort", SORTS) or "relevance",
    )


REGISTER_PARAMS = ("q", "k", "committee", "since", "until", "outcome", "member", "public")


def register_request(
    items: Iterable[tuple[str, str]], public: bool, default_k: int = 20, high: int = MAX_K
) -> RegisterRequest:
    """The query and filters of the register (or, with other defaults, of the timeline)."""
    p = Params(items, REGISTER_PARAMS)
    return RegisterRequest(
        query=p.text("q"),
        k=p.number("k", default_k, 1, high),
        filters=RegisterFilters(
            committee=p.text("committee"),
            since=p.day("since"),
            until=p.day("until"),
            outcome=p.choice("outcome", OUTCOMES),
            member=p.text("member"),
            public=public or p.flag("public"),
        ),
    )


def around(items: Iterable[tuple[str, str]]) -> int:
    """The passages of context either side asked for on a passage page."""
    return Params(items, ("around",)).number("around", 1, 0, MAX_AROUND)


def cited_passage(items: Iterable[tuple[str, str]]) -> str | None:
    """The chunk id a source page is asked to highlight."""
    return Params(items, ("passage",)).text("passage")

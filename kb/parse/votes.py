"""Votes, movers and seconders, and the outcome of a decision, read from its text.

Forms covered: "CARRIED (7 voting FOR, 2 voting AGAINST)", "carried by 7 votes to 2 with
1 abstention", "For: 7 Against: 2 Abstentions: 1", "For (23): Mr A, Mrs B ... Against (45):
...", "7 in favour, 2 against", "all in favour"; "proposed by Councillor X and seconded by
Councillor Y", "Mr X proposed and Mr Y seconded", "Proposed Cllr X, seconded Cllr Y",
"moved by ...", "On the motion of X, seconded by Y".
"""

from __future__ import annotations

import re

TITLES = (
    r"(?:County\s+Councillors?|Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|"
    r"Professor|Prof\.?|Alderman|Bailie|Provost|Captain|Capt\.?|Reverend|Rev\.?)"
)
NAME_WORD = r"(?:(?:[A-Z]\.){2,3}|[A-ZÀ-ÖØ-Þ][\w'’-]*\.?)"  # 'A.B.' initials, or a word
PERSON = (
    rf"(?:{TITLES}\s+(?:{NAME_WORD}\s+){{0,3}}{NAME_WORD}"
    r"|(?:The|the)\s+(?:Chair(?:man|woman|person)?|Vice[- ]Chair(?:man)?|Leader|Deputy Leader|Mayor|Deputy Mayor)"
    rf"|{NAME_WORD}\s+{NAME_WORD})"
)
INITIALS = r"(?:[A-Z]{2,3}|(?:[A-Z]\.){2,3})(?![\w'’-])"  # 'AH', 'A.H.': a member's initials
NUMBER_WORDS = {
    "no": 0, "none": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
COUNT = r"(\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"
FOR_WORD = r"(?:in\s+favour(?:\s+of\s+the\s+\w+)?|for|FOR|For)"
AGAINST_WORD = r"(?:against|AGAINST|Against)"
ABSTAIN_WORD = r"(?:abstentions?|ABSTENTIONS?|Abstentions?|abstained|ABSTAINED|Abstained|abstaining|abstain|ABSTAIN|Abstain)"
# '7 voting FOR', '7 votes for', '7 in favour', '2 against', '1 abstention'
COUNT_FIRST = {
    "for": re.compile(
        rf"\b{COUNT}\s+(?:(?:members?|councillors?)\s+)?(?:(?:voting|voted|votes?(?:\s+cast)?)\s+{FOR_WORD}|(?:were\s+)?in\s+favour"
        r"|for\b(?=\s*[,;()]|\s+and\s+\d|\s*$|\s+\d{1,3}\s+against\b))",  # ('11 For 0 Against')
        re.IGNORECASE,
    ),
    "against": re.compile(rf"\b{COUNT}\s+(?:(?:members?|councillors?)\s+)?(?:voting\s+|voted\s+|votes?\s+(?:cast\s+)?|were\s+)?{AGAINST_WORD}\b", re.IGNORECASE),
    "abstain": re.compile(rf"\b{COUNT}\s+(?:(?:members?|councillors?)\s+)?(?:voting\s+to\s+)?{ABSTAIN_WORD}\b", re.IGNORECASE),
}  # fmt: skip
# what a count is for, printed between its label and its number: 'For the Amendment (15)'
SUBJECT = (
    r"(?:\s+(?:the\s+)?(?i:amendment|motion|substantive\s+motion|recommendations?|proposals?))?"
)
# 'For: 7', 'For (23):', 'FOR – 12', 'Against 45', 'Abstentions: 2'
LABEL_FIRST = {
    "for": re.compile(rf"(?:^|[,;:.(]\s*|\s{{2,}}|\b(?i:voting|voted)\s*(?:was)?\s*:?\s*)(?:Votes?\s+)?(?:For|FOR|In\s+favour|IN\s+FAVOUR){SUBJECT}\s*(?:[:=–—-]\s*|\(\s*)?(\d{{1,3}})\b\)?"),
    "against": re.compile(rf"(?:^|[,;:.(]\s*|\s{{2,}}|\s)(?:Votes?\s+)?(?:Against|AGAINST){SUBJECT}\s*(?:[:=–—-]\s*|\(\s*)?(\d{{1,3}})\b\)?"),
    "abstain": re.compile(r"(?:^|[,;:.(]\s*|\s{2,}|\s)(?:Abstentions?|ABSTENTIONS?|Abstain(?:ed|ing)?|ABSTAIN(?:ED|ING)?)\s*(?:[:=–—-]\s*|\(\s*)?(\d{1,3})\b\)?"),
}  # fmt: skip
BY_VOTES = re.compile(
    rf"\b(?:by\s+)?{COUNT}\s+votes?\s+to\s+{COUNT}(?:[,;]?\s*(?:with\s+)?{COUNT}\s+{ABSTAIN_WORD})?",
    re.IGNORECASE,
)
# 'Members voted 6:2 in favour', 'the vote was 5-3-1': for, against (and abstaining)
RATIO = re.compile(
    r"\b(?:vot(?:ed|ing|e\s+was)\s+)?(\d{1,3})\s*[:–—-]\s*(\d{1,3})(?:\s*[:–—-]\s*(\d{1,3}))?"
    r"(?=\s+in\s+favour\b)|\bvot(?:ed|ing|e\s+was)\s+(\d{1,3})\s*(?:[:–—-]|to)\s*(\d{1,3})"
    r"(?:\s*[:–—-]\s*(\d{1,3}))?\b(?![:–—-]?\d|\s*(?:%|per\s+cent|pm|am|hours))",
    re.IGNORECASE,
)
ALL_IN_FAVOUR = re.compile(
    r"\ball\s+(?:members\s+)?(?:were\s+)?in\s+favour\b|\bnem(?:ine)?\.?\s*con"
    r"|\b(?:the\s+)?vot(?:e|ing)(?:\s*:\s*|\s+)(?:was\s+)?unanimous(?:ly)?\b"  # 'Vote unanimous to accept'
    # 'The vote on this motion was unanimous.'
    r"|\bvote\s+(?:on|for)\s+(?:the|this|that)\s+(?:motion|amendment|proposal|resolution|recommendations?)\s+was\s+unanimous\b"
    r"|\b(?:by\s+|a\s+)unanimous\s+vote\b"  # 'following a unanimous vote in support, it was RESOLVED'
    r"|\bvoted\b[^.;]{0,20}?\bunanimously\b|\bunanimously\s+voted\b",  # 'voted upon and unanimously RESOLVED'
    re.IGNORECASE,
)
NAMED_VOTE = re.compile(
    r"(?:^|\n|[.;]\s+)(?P<label>For|FOR|In\s+favour|Against|AGAINST|Abstentions?|ABSTENTIONS?|Abstain(?:ed|ing)?|ABSTAIN(?:ED)?)"
    + SUBJECT
    + r"\s*(?:\(\s*(?P<n>\d{1,3})\s*\)|[:–—-]\s*(?P<m>\d{1,3}))?(?:\s*[:–—-]|(?<=\))[ \t]*\n|(?<=\))\s+(?="
    + TITLES
    + r"\b))\s*(?P<names>[^\n]*(?:\n(?!\s*(?:For|FOR|In\s+favour|Against|AGAINST|Abstention|ABSTENTION|Abstain|ABSTAIN)\b)[^\n]+)*)"
)
# where a list of names ends and the minute's next sentence, run on without a full stop
# ('Abstain (1): Cllr Kemp The amendment was LOST.'), begins
NEXT_SENTENCE = re.compile(r"\s+(?=(?:The|This|It|There|Upon|On\s+being|Following|Accordingly)\s)")
RESULT = re.compile(
    r"\b(?!(?:carried|Carried)\s+(?:out|forward|over|through|on)\b)(?!(?:lost|Lost)\s+(?:to|its|their|the|a|an|in|from)\b)(?P<res>Carried|Lost|Withdrawn|CARRIED|LOST|FELL|DEFEATED|NOT\s+CARRIED|WITHDRAWN|carried|lost|fell|defeated|not\s+carried|withdrawn|withdrew"
    r"|(?<=was\s)not\s+passed|(?<=were\s)not\s+passed"  # '… the amendment was not passed.'
    # '… a vote was taken on the amendment, which was passed.' (not 'passed to the clerk')
    r"|(?<=which\swas\s)passed(?!\s+(?:to|on|over|by|through|in)\b)"
    r"|(?<=amendment\swas\s)passed(?!\s+(?:to|on|over|by|through|in)\b)"
    r"|(?<=motion\swas\s)passed(?!\s+(?:to|on|over|by|through|in)\b))\b"
)
MOVED_AND_SECONDED = [
    # 'Councillor Smith was proposed and seconded by Councillors Mercer and Maxwell
    # respectively', '… by Mrs Shields and Councillor Maxwell respectively'
    re.compile(
        rf"(?i:proposed|moved|nominated)\s+and\s+seconded\s+by\s+(?:(?:Councillors|Cllrs\.?)\s+)?"
        rf"(?P<mover>{PERSON}|{NAME_WORD})\s+and\s+(?P<seconder>{PERSON}|{NAME_WORD})\s+respectively\b"
    ),
    # a nomination: 'Cllr Tong proposed Cllr Williams, seconded by Cllr Holiday' / '…
    # proposed County Councillor O’Toole which was seconded by County Councillor Woollam'
    re.compile(
        rf"(?P<mover>{PERSON})\s+(?:proposed|nominated)\s+(?:{TITLES})\s+(?:{NAME_WORD}\s+){{0,3}}{NAME_WORD}"
        rf"(?:\s+(?:(?:to\s+be\s+)?(?:(?:re-?)?elected|appointed)\s+)?(?:as|for)\s+[\w -]{{3,30}}?)?\s*[,;.]?\s*(?:and\s+)?(?:(?:which|this|who)\s+)?(?:was\s+)?"
        rf"seconded\s+by\s+(?P<seconder>{PERSON})"
    ),
    re.compile(
        rf"(?i:proposed|moved|put\s+forward|brought|tabled)\s*(?:by\s+|:\s*|[-–]\s*)?(?P<mover>{PERSON})\s*[,;.]?\s*(?:and\s+)?(?:was\s+)?(?i:seconded)\s*(?:by\s+|:\s*|[-–]\s*)?(?P<seconder>{PERSON})"
    ),
    re.compile(
        rf"(?P<mover>{PERSON})\s*(?:\([^)]{{1,60}}\)\s*)?,?\s+(?:(?:then|also|formally)\s+)?(?i:proposed|moved)(?:,\s*and|,|\s+and)?\s+(?:was\s+)?(?:seconded\s+by\s+(?P<seconder2>{PERSON})|(?P<seconder>{PERSON})\s*(?:\([^)]{{1,60}}\)\s*)?(?i:seconded))"
    ),
    re.compile(
        rf"[Oo]n\s+(?:(?:the|a)\s+)?(?i:motion|proposition|proposal)\s+(?:of|by|from)\s+(?P<mover>{PERSON}),?\s+(?i:seconded)\s+by\s+(?P<seconder>{PERSON})"
    ),
    # 'The minutes … were approved by Mr P Scarsbrook and seconded by Cllr J Henry'
    re.compile(
        rf"(?i:approved|adopted|accepted)\s+by\s+(?P<mover>{PERSON})\s*,?\s*(?:and\s+)?(?:was\s+)?(?i:seconded)\s+by\s+(?P<seconder>{PERSON})"
    ),
    # 'Mr A Cattanach, seconded by Ms R Drummond, moved …', 'Councillor Brooks seconded by
    # Councillor MacLeod moved that …'
    # 'a motion … in the name of Councillor Adeyemi and seconded by Councillor Lister'
    re.compile(
        rf"\bin\s+the\s+name\s+of\s+(?P<mover>{PERSON})(?:,?\s+(?:and\s+)?seconded\s+by\s+(?P<seconder>{PERSON}))?"
    ),
    re.compile(
        rf"(?P<mover>{PERSON}),?\s+seconded\s+by\s+(?P<seconder>{PERSON}),?\s+(?i:moved|proposed)\b"
    ),
    # 'P: TA S: IA, All in favour': a parish's short labels and members' initials
    re.compile(
        r"(?:^|(?<=[\s(]))(?:P|Prop)\s*:\s*(?P<mover>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}?)\s*[;,]?\s+"
        r"(?:S|Sec)\s*:\s*(?P<seconder>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}?)(?=\s*(?:[,;.]|$|All\b))"
    ),
    # 'Proposed (AH) & Seconded (SB) that …', 'Proposed AH, seconded SB', 'Proposed: AH
    # Seconded: SB': members named by their initials, as a parish's minutes often are
    re.compile(
        rf"(?i:proposed|moved)\s*(?:by\s+|:\s*|[-–]\s*)?\(?(?P<mover>{INITIALS})\)?\s*[,;.]?\s*(?:&\s*|and\s+)?"
        rf"(?i:seconded)\s*(?:by\s+|:\s*|[-–]\s*)?\(?(?P<seconder>{INITIALS})\)?"
    ),
    # 'Proposer: Cllr A Hext' / 'Seconder: Cllr B Tamblyn'
    re.compile(
        rf"(?i:proposer|proposed\s+by|mover|moved\s+by)\s*:\s*(?P<mover>{PERSON})\s*[,;.]?\s*(?i:seconder|seconded\s+by)\s*:\s*(?P<seconder>{PERSON})"
    ),
]
MOVER_ONLY = re.compile(
    # 'Councillor Clarkson, the Chair of the Committee, presented the report and moved …'
    rf"(?P<mover>{PERSON})\s*(?:\([^)]{{1,60}}\)|,\s+(?!(?:which|who|that|having|as|being)\b)(?:the\s+)?[A-Z][^,.;]{{2,80}},)?"
    r",?\s+(?:(?:then|also|formally|subsequently|further)\s+)?(?:(?:[a-z]+\s+){1,4}and\s+)?(?:proposed|moved|PROPOSED|MOVED)\b(?!\s+(?:on|to|onto|into|away|forward|from|over)\b)"
    rf"|(?i:proposed|moved|proposal|put\s+forward|brought|tabled)\s+by\s+(?P<mover2>{PERSON})"
    rf"|(?i:proposer|proposed|mover|moved)\s*:\s*(?P<mover3>{PERSON})"
    rf"|\b(?i:proposer|mover)\s+(?P<mover4>{PERSON})"
)
SECONDER_ONLY = re.compile(
    rf"(?P<seconder>{PERSON})\s+(?:seconded|SECONDED)\b|(?i:seconded)\s+by\s+(?P<seconder2>{PERSON})"
    rf"|(?i:seconder|seconded)\s*:\s*(?P<seconder3>{PERSON})"
)


SENTENCE_OPENERS = frozenset(
    "On The It This That In At Following After Before Members Councillor Councillors Cllr The "
    "A An And Upon When Whereupon Having Vote Voting Votes Carried Agreed Resolved All "
    "Proposed Seconded Unanimous Unanimously".split()
)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


TRAILING_COUNT = {
    "for": re.compile(
        r"(?:^|\n|[.;:)]\s+)(?:For|FOR|In\s+favour)(?:\s+(?:of\s+)?the\s+\w+)?\s*:[^()\n]{1,600}?\((\d{1,3})\)"
    ),
    "against": re.compile(
        r"(?:^|\n|[.;:)]\s+)(?:Against|AGAINST)(?:\s+the\s+\w+)?\s*:[^()\n]{1,600}?\((\d{1,3})\)"
    ),
    "abstain": re.compile(
        r"(?:^|\n|[.;:)]\s+)(?:Abstentions?|ABSTENTIONS?|Abstain(?:ed|ing)?|ABSTAIN(?:ED|ING)?)(?:\s+from\s+voting)?\s*:[^()\n]{1,600}?\((\d{1,3})\)"
    ),
}


def parse_votes(text: str, partial: bool = False) -> dict[str, int] | None:
    """The vote counts printed in `text` ({"for", "against", "abstain"}), or None.

    A count against with none for is no vote record, unless `partial` (a line of a
    recorded vote: 'Against (45): …')."""
    votes: dict[str, int] = {}
    if match := BY_VOTES.search(text):
        votes["for"], votes["against"] = _count(match.group(1)), _count(match.group(2))
        if match.group(3):
            votes["abstain"] = _count(match.group(3))
        said = result_of(text)
        if (
            said == "lost"
            and votes["for"] > votes["against"]
            or (said == "carried" and votes["for"] < votes["against"])
        ):
            # 'The amendment was lost by 29 votes to 9': the winning side's count comes
            # first, so a lost vote's first count is the votes against
            votes["for"], votes["against"] = votes["against"], votes["for"]
    elif match := RATIO.search(text):
        numbers = [g for g in match.groups() if g is not None]
        votes["for"], votes["against"] = int(numbers[0]), int(numbers[1])
        if len(numbers) > 2:
            votes["abstain"] = int(numbers[2])
    for key, pattern in TRAILING_COUNT.items():
        if key not in votes and (match := pattern.search(text)):
            votes[key] = int(match.group(1))
    # '11 For 0 Against 2 Abstentions' (count lines run together): counts before their
    # labels, read so before 'For 0' is read as a label and its count
    count_first = bool(re.match(r"\s*\d{1,3}\s+(?i:for|against|in\s+favour)\b", text))
    for table in (COUNT_FIRST, LABEL_FIRST) if count_first else (LABEL_FIRST, COUNT_FIRST):
        for key, pattern in table.items():
            if key in votes or not (match := pattern.search(text)):
                continue
            if (
                table is COUNT_FIRST
                and key == "for"
                and re.match(
                    r"\s*(?:\w+\s+){0,2}(?:months?|years?|weeks?|days?|hours?)\b",
                    text[match.end() :],
                )
            ):
                continue
            votes[key] = _count(match.group(1)) if table is COUNT_FIRST else int(match.group(1))
    if "against" in votes and "for" not in votes and not partial:
        return None  # '2 against' alone is not a vote record
    return votes or None


def parse_voters(text: str) -> dict[str, tuple[str, ...]] | None:
    """Names listed under each count ('For (23): Mr A, Mrs B ...'), or None."""
    out: dict[str, tuple[str, ...]] = {}
    for match in NAMED_VOTE.finditer(text):
        label = match.group("label").lower()
        key = (
            "for"
            if label.startswith(("for", "in"))
            else "against"
            if label.startswith("against")
            else "abstain"
        )
        listed = NEXT_SENTENCE.split(match.group("names"), maxsplit=1)[0]
        names = [
            n.strip(" .;")
            for n in re.split(r",|;|\band\b|\n", listed)
            if re.search(r"[A-Z][a-z]", n) and len(n.strip()) < 60
        ]
        if names and key not in out:
            out[key] = tuple(names)
    return out or None


def result_of(text: str) -> str | None:
    """The result a vote line states: carried, lost (lost, fell, defeated) or withdrawn."""
    match = RESULT.search(text)
    if match:
        word = match.group("res").lower()
        if word in ("carried",):
            return "carried"
        if word in ("withdrawn", "withdrew"):
            return "withdrawn"
        if word == "passed":
            return "carried"
        return "lost"
    if ALL_IN_FAVOUR.search(text):
        return "carried"
    return None


# a nomination that no one opposed ('… was elected unopposed'): no vote was taken, so no
# result of one; the resolution after it records the election
UNOPPOSED = re.compile(
    r"(?i)\b(?:elected|appointed|returned)\s+unopposed\b"
    r"|\bthere\s+being\s+no\s+(?:further|other)\s+nominations?\b"
)


def movers(text: str) -> tuple[str | None, str | None]:
    """The mover (proposer) and seconder named in `text`, or None for each; a line in
    capitals ('PROPOSED BY COUNCILLOR REVEREND BLACKMAN') is read in title case."""
    found = _movers(text)
    if found == (None, None) and _in_capitals(text):
        found = _movers(_title_case(text))
    return found


def _in_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.9


SMALL_WORDS = frozenset("by and of the to that on a an in for at".split())


def _title_case(text: str) -> str:
    """'PROPOSED BY COUNCILLOR O'NEILL' → 'Proposed by Councillor O'Neill'."""

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if w.lower() in SMALL_WORDS and m.start() > 0:
            return w.lower()
        return re.sub(r"(?<=['’-])[a-z]", lambda c: c.group(0).upper(), w.capitalize())

    return re.sub(r"[A-Za-z][A-Za-z'’-]*", word, text)


def _movers(text: str) -> tuple[str | None, str | None]:
    for pattern in MOVED_AND_SECONDED:
        match = pattern.search(text)
        if match:
            groups = match.groupdict()
            seconder = groups.get("seconder") or groups.get("seconder2")
            return _clean_name(groups["mover"]), _clean_name(seconder)
    mover = MOVER_ONLY.search(text)
    seconder = SECONDER_ONLY.search(text)
    return (
        _clean_name(next((g for g in mover.groups() if g), None) if mover else None),
        _clean_name(next((g for g in seconder.groups() if g), None) if seconder else None),
    )


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"\s+", " ", name).strip(" ,.;:")
    words = name.split(" ")
    while len(words) > 2 and words[-1] in SENTENCE_OPENERS:
        words.pop()  # 'Cllr K Ugwu On' (being put to the vote …): the name ends before
    name = " ".join(words)
    if re.fullmatch(r"(?i)(?:it|this|that|the|which|who|and|he|she|they|members?)", name):
        return None
    return name or None

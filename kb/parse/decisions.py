"""Decisions in a minute, in all the forms councils print them.

A decision starts at the start of a sentence (never in the middle of a narrative) with:
- a formula: "RESOLVED", "Resolved:", "It was RESOLVED", "It was AGREED/APPROVED that",
  "DECIDED", "NOTED", "RECOMMENDED";
- the meeting's own body as subject: "That the Committee: 1. noted …", "The Board agreed
  …", "Cabinet agree to …", "Members noted …";
- a paper as subject, passively: "The report was (otherwise) noted", "The minutes were
  approved as a correct record";
- a decision field: "Decision taken: …", "(d) Decision:";
- "resolved to/that" inside a sentence, as parish clerks write it ("It was resolved to
  pay £250 for grass cutting", "… seconded by Cllr Y and resolved that …");
- a motion or amendment moved and seconded and put to the vote ("Mr X proposed and Mr Y
  seconded the following amendment: …" … "The amendment was LOST").
Vote lines ("CARRIED (7 voting FOR, 2 voting AGAINST)", "For (23): …") attach to the
decision they follow. Where a minute holds amendments and then the motion, each is its
own decision; a resolution that records a motion just carried takes the motion's mover,
seconder and votes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from kb.model import Decision, Line

from .numbering import split_number
from .votes import (
    ALL_IN_FAVOUR,
    INITIALS,
    NAME_WORD,
    TITLES,
    UNOPPOSED,
    movers,
    parse_voters,
    parse_votes,
    result_of,
)

LIST_MARKER = r"(?:(?:[-•*▪■o]|\(?\d{1,2}[.)]|\d{1,3}(?:\.\d{1,3})+\.?|\(?[A-Za-z][.)]|\([ivx]{1,5}\)|\(\d{1,2}\)|\([a-z]\))\s+)*"
# lead-in words a decision's sentence may open with, read by the patterns below and left
# out of its words by strip_formula
WHEN = r"(?:at\s+this\s+point|then|therefore|accordingly)"  # 'It was resolved at this point to …'
NO_OTHER_NOMINATIONS = (
    r"(?:There\s+(?:were|being)|With)\s+no\s+(?:other|further)\s+nominations?,?\s+"
)
THEREFORE = (
    r"(?:Therefore|Accordingly|Thus),?\s+(?=the\s)"  # '… Therefore the minutes … were agreed'
)
FORMULA = re.compile(
    rf"^{LIST_MARKER}(?P<f>(?:it\s+was\s+)?(?:(?:therefore|further|then|also|duly)\s+)?(?:unanimously\s+)?"
    # ('Resolve: …', a clerk's label in the present tense, only before its colon or dash)
    r"(?P<verb>RESOLVED|AGREED|APPROVED|DECIDED|RECOMMENDED|NOTED|RESOLVE(?=\s*[:–—-]))(?:\s*\(?\s*unanimously\s*\)?)?)"
    # ('It was resolved at this point to …': a few words of when before what)
    # ('Approved and signed': the formula alone, the minutes' approval)
    rf"(?P<after>\s*(?:/?[:–—-]|/|\bthat\b|\bto\b|\bas\b|,|\(|$|and\s+signed\b|{WHEN}\s+(?:to|that)\b"
    # ('It was agreed the Clerk would …': 'that' left out before a clause)
    r"|(?<=\s)(?=(?-i:the|a|an|[A-Z][\w'’-]*)\s+(?:[\w'’-]+\s+){0,4}?(?-i:would|should|will|shall|could|be)\s)).*"
    # 'RESOLVED Councillor Gritton to purchase the camera.': the formula in capitals, then
    # what was resolved with nothing between
    # ('AGREED / “To confirm the Minutes …”': the words quoted under it)
    r"|(?-i:(?<=RESOLVED)|(?<=AGREED))\s+(?-i:(?=[A-Z][a-z]|The\b|[“\"‘'])).*)$",
    re.IGNORECASE | re.DOTALL,
)
BODY = (
    r"(?:(?:(?:[A-Z][\w&'’-]*|of|and|the|for)\s+){0,6}?"
    r"(?:Committee|Sub-Committee|Subcommittee|Board|Cabinet|Council|Panel|Executive|Authority|"
    r"Forum|Group|Partnership|Assembly|Trust|Members|Councillors|meeting|Meeting|IJB)"
    # ('the House agreed to …': a Scottish council's name for itself in its minutes)
    r"|(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+)?members|(?<=[Tt]he\s)(?:council|committee|board|panel|House))"
)
OUTCOME_VERBS = (
    r"resolved|agreed|agree|agrees|approved|approve|approves|noted|note|notes|decided|decide|decides|"
    r"endorsed|endorse|endorses|deferred|defer|defers|ratified|ratify|"
    r"ratifies|adopted|adopt|adopts|supported|support|supports|"
    r"confirmed|confirm|confirms|acknowledged|acknowledge|acknowledges|"  # 'The council acknowledged the payments …'
    r"RESOLVED|AGREED|NOTED|APPROVED|DECIDED|ENDORSED|DEFERRED|RATIFIED|ADOPTED|SUPPORTED|CONFIRMED"
)
SUBJECT_VERB = re.compile(
    rf"^{LIST_MARKER}(?:That\s+|THAT\s+)?(?:[Tt]he\s+|THE\s+)?(?P<subject>{BODY})\s*:?\s+(?:\(?(?:\d{{1,2}}|[a-z]|[ivx]{{1,4}})[.)]\s+)?"
    rf"(?:(?:unanimously|then|therefore|duly|formally|also|further|hereby)\s+)*(?P<verb>{OUTCOME_VERBS})\b"
)
RECEIVED_BY_BODY = re.compile(  # 'The Board received the annual audit report': a record only when nothing else is
    rf"^{LIST_MARKER}(?:That\s+)?(?:[Tt]he\s+)?{BODY}\s+(?:(?:formally|also|then)\s+)?(?:received|RECEIVED)\b"
    # (not 'Cabinet received a report on …': how an item opens, telling what was presented)
    r"(?!\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:report|presentation|update|briefing|overview)\b)"
)
THAT_BODY_COLON = re.compile(rf"^{LIST_MARKER}That\s+(?:the\s+)?{BODY}\s*:\s*$")
PAPERS = (
    r"report|reports|update|updates|presentation|minutes|recommendations?|information|item|"
    r"accounts|statement|plan|programme|strategy|policy|motion|amendment|proposal|proposals|"
    r"petition|question|questions|response|comments|application|request|budget|draft|"
    r"appointment|appointments|nomination|nominations|terms of reference|payments?|schedule|"
    r"minute|notes|tracker|log|register|scheme|protocol|framework|charter|action plan"
)
PASSIVE = re.compile(  # 'The minutes … were approved', 'Payments of £1,204.50 were approved'
    rf"^{LIST_MARKER}(?:(?:After|Following)\s+(?:a\s+)?(?:brief\s+|full\s+|further\s+)?(?:discussion|debate|consideration),?\s+(?=the\s)"
    rf"|{THEREFORE})?"
    rf"(?:(?:The|These|This|Its|Their|All|Both|(?<=,\s)the|(?<=n\s)the|(?<=[ey]\s)the)\s+(?:[\w'’,()/&-]+\s+){{0,10}}?|(?=[A-Z]))(?i:{PAPERS})\b"
    r"(?:\s+[\w'‘’“”,.()/&£%-]+){0,20}?\s+(?:was|were|is|are|be)\s+(?:(?:otherwise|duly|unanimously|formally|then|therefore|also)\s+)*"
    r"(?:(?:submitted|considered|received|circulated|presented|tabled)\s+and\s+)?"
    r"(?P<verb>(?i:noted|approved|agreed|received|accepted|adopted|endorsed|ratified|deferred|withdrawn|confirmed|passed))\b"
)
SIGNED_RECORD = re.compile(
    rf"^{LIST_MARKER}(?:The\s+)?(?i:minutes)\b(?:\s+[\w'’,()/&-]+){{0,16}}?\s+(?:was|were)\s+(?:duly\s+|then\s+)?signed\b"
    r"(?=.*\b(?:correct|true|accurate)\s+record\b)"
)
FIELD = re.compile(
    rf"^{LIST_MARKER}(?P<f>(?:Decisions?|DECISIONS?)(?:\s+(?:taken|made|TAKEN|MADE))?|Resolution|RESOLUTION)\s*(?::[-–]?|–|—|-(?!\s*\d))\s*(?P<after>.*)$"
)
FIELD_ALONE = re.compile(
    rf"^{LIST_MARKER}(?:Decisions?\s+(?:taken|made)|DECISIONS?(?:\s+TAKEN)?|Decision)\s*:?\s*$"
)
IN_SENTENCE = re.compile(
    r"\b(?:it\s+was\s+|and\s+(?:it\s+was\s+)?|council\s+|members\s+|committee\s+|board\s+)?"
    r"(?:unanimously\s+)?(?:RESOLVED|[Rr]esolved)(?:\s*[:–—-])?\s+"
    r"(?:(?:unanimously|by\s+(?:a\s+)?show\s+of\s+hands|by\s+(?:a\s+)?majority(?:\s+(?:vote|decision))?(?:\s+of\s+\d+\s+(?:votes?\s+)?"
    r"(?:in\s+favour|for)(?:\s+(?:to|and)\s+\d+\s+(?:votes?\s+)?against)?(?:,?\s+(?:with\s+)?\d+\s+abstentions?)?)?)\s+)?"
    r"(?:(?=(?:not\s+)?(?:to|that|That|THAT)\b)"  # '… RESOLVED by a majority of 4 in favour to 1 against to …'
    r"|for\s+(?=[A-Z][^.;:]{0,60}?\sto\s))"  # '… all resolved for Councillor Nunn to continue as Chair'
)
TRAILING_OUTCOME = re.compile(  # a parish minute's outcome after a dash: '… – agreed', '… – Agreed.'
    r"^(?P<text>\S.{2,}?)\s+[–—-]\s+(?P<verb>(?i:agreed|approved|noted|carried|resolved|accepted))\.?\s*$"
)
VOTED_TO = re.compile(  # 'Members voted 7 to 3 to refuse the application …'
    rf"^{LIST_MARKER}(?:The\s+)?(?:{BODY})\s+(?:then\s+)?voted\s+(?:(?:\d{{1,3}}\s*(?:to|[:–—-])\s*\d{{1,3}}"
    r"(?:\s*(?:to|[:–—-])\s*\d{1,3})?|unanimously|by\s+a\s+majority)\s+)?(?:to|in\s+favour\s+of|against)\s+\w"
)
AGREED_IN_SENTENCE = re.compile(  # 'After discussion it was agreed to apply for a grant …'
    r"(?:^|[,;]\s*|\b(?:discussion|debate|consideration)\s+)(?:it\s+was|(?:the\s+)?(?:council|committee|board|panel|meeting|House))\s+"
    r"(?:(?:unanimously|therefore|then)\s+)?(?:agreed|AGREED|decided|DECIDED|resolved)\s+(?=(?:not\s+)?(?:to|that|That|THAT)\b"
    # 'It was agreed the Clerk would talk to …': 'that' left out before a clause
    r"|(?:the|a|an|[A-Z][\w'’-]*)\s+(?:[\w'’-]+\s+){0,4}?(?:would|should|will|shall|could|be|is|are)\s)"
)  # 'After discussion the council agreed to complete the form …'
UNANIMOUS_IN_SENTENCE = re.compile(  # '… the Council RESOLVED unanimously there was no objection'
    r"\b(?:RESOLVED|[Rr]esolved)\s+unanimously\s+(?=[a-z])"
)


def _formula_inside(text: str) -> re.Match[str] | None:
    """'… it was RESOLVED that', '… the Council RESOLVED unanimously there …': a formula
    inside a sentence, the decision's words after it."""
    return (
        IN_SENTENCE.search(text)
        or UNANIMOUS_IN_SENTENCE.search(text)
        or AGREED_IN_SENTENCE.search(text)
    )


IT_WAS_AGREED = re.compile(r"\bit\s+was\s+(?:unanimously\s+)?(?i:agreed|decided)\s+(?=that\b|to\b)")
SHORT_RESOLVED = re.compile(  # 'Resolved No Objection.': a planning response after the word
    r"^(?P<verb>Resolved|Agreed|RESOLVED|AGREED)\s+(?=[A-Z])(?:[\w'’-]+\s*){1,5}\.?$"
)
PASSED_TO = re.compile(  # 'A resolution was passed to exclude the public …'
    rf"^{LIST_MARKER}(?:A|The)\s+(?:resolution|motion|proposal)\s+was\s+(?:duly\s+|unanimously\s+)?(?:passed|carried|agreed)\s+(?=to\s|that\s)"
)
APPOINTED = re.compile(  # 'Mr Philip Park was appointed Chairman …', 'Cllr A Green was duly elected …'
    # ('There were no other nominations, Cllr Wilson was elected unanimously.')
    rf"^{LIST_MARKER}(?:{NO_OTHER_NOMINATIONS})?(?:(?:County\s+|Parish\s+|Town\s+)?(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+)?"
    r"(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){0,3}\s+(?:was|were|is)\s+(?:(?:duly|unanimously|then)\s+)*"
    r"(?P<verb>appointed|elected|re-elected|co-opted)\b(?!\s+(?:at|in|on|to\s+the\s+(?:council|authority))\b)"
)
MOVED_UNNAMED = re.compile(
    r"\b(?:following|an|a|the)\s+(?:amendment|motion)\b[^.;]{0,120}?\b(?:was|were)\s+(?:duly\s+|then\s+)?(?:moved|proposed)"
    r"|\bmoved\s+(?:the\s+following|an?)\s+(?:amendment|motion)\b"
    r"|^it\s+was\s+(?:duly\s+)?(?:proposed|moved)\s+and\s+seconded\s+that\b",  # no names printed
    re.IGNORECASE,
)
CAPITAL_VERB = re.compile(  # a decision verb set in capitals early in a sentence
    r"^(?:\S+\s+){0,14}?(?:NOTED|AGREED|APPROVED|RESOLVED|DECIDED|ENDORSED|REFUSED|GRANTED|DEFERRED|ADOPTED)\b"
)
RECOMMENDATION = re.compile(
    r"^\W*(?:OFFICER\s+|Officer\s+|officer\s+)?(?:RECOMMENDATIONS?|Recommendations?|RECOMMENDED|Recommended)\b"
)
MOTION_TEXT = re.compile(r"\b(?:following|the|a|this)\s+(?:motion|amendment)\b", re.IGNORECASE)
MOTION = re.compile(r"\b(?:proposed|moved|seconded|proposer|seconder)\b", re.IGNORECASE)
AMENDMENT = re.compile(r"\bamendment\b", re.IGNORECASE)
VOTE_TALK = re.compile(  # what a sentence reporting a vote talks about
    r"\b(?:(?i:motion|amendment|vote|voted|voting|votes|put\s+to|proposal|recommendations?)|CARRIED|LOST)\b"
)
ABBREVIATION = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Cllr|Cllrs|Prof|Rev|St|No|Nos|Para|para|paras|e\.g|i\.e|etc|approx|Ref|ref|Min|Mins|(?:[A-Z]\.){0,3}[A-Z])\.",  # and initials: 'J.W. Thomas'
)
VOTE_LABEL = re.compile(  # 'For (23):', 'Against:', 'For the Motion:', 'Abstentions:'
    r"^\s*(?:For|FOR|In\s+favour|Against|AGAINST|Absten\w*|ABSTEN\w*|Abstain\w*|ABSTAIN\w*)"
    r"(?:\s+the\s+(?:Motion|Amendment|motion|amendment|MOTION|AMENDMENT))?\s*(?:\(\s*\d{1,3}\s*\)\s*:?|[:–—-]|\s+\d{1,3}\b)"
)
VOTE_LABEL_LINE = re.compile(
    r"^\s*(?:For|FOR|In\s+favour|Against|AGAINST|Abstentions?|ABSTENTIONS?|Abstain(?:ed|ing)?|ABSTAIN(?:ED|ING)?)\s*(?:\(\s*\d{1,3}\s*\)|[:–—-]\s*\d{1,3})"
)
VOTE_CALL = re.compile(
    r"\bput\s+(?:the\s+\w+\s+(?:motion|amendment|recommendations?|proposal)\s+|it\s+|them\s+)?to\s+(?:the|a)\s+vote\b|"
    r"\b(?:recorded|named)\s+vote\b|\bvoting\s+was\s+as\s+follows\b|\bvotes?\s+(?:were|was)\s+(?:recorded|cast|taken)\b"
    r"|\bshow\s+of\s+hands\b|\bvoting\s+took\s+place\b|\ba\s+vote\s+was\s+(?:held|taken)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?:(?<=[.!?;])|(?<=[.!?;][”\"’)']))\s+(?=[A-Z0-9£(“\"‘'])")
LIST_MARK_ONLY = re.compile(
    r"^\s*(?:(?:\(?[0-9]{1,3}|\(?[A-Za-z]|\([ivx]{1,5})[.)]|\d{1,3}(?:\.\d{1,3})+\.?|[A-Za-z][a-z]{0,3}\.)\s*$"
)
LABEL_LINE = re.compile(
    r"^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?!(?:To|That|THAT|TO)\b)[A-Z][A-Za-z,/&()'’-]*(?:\s+[A-Za-z,/&()'’-]+){0,5}\s*:\s*$"
)
# the fields a decision form prints after its decision: '(c) Reasons for the decision: …'
FORM_FIELD = re.compile(
    r"^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:Reasons?|Alternative\s+options?|Options?\s+considered|"
    r"Declarations?|Conflicts?\s+of\s+interest|Dispensations?|Background|Implications|Consultation|"
    r"Report\s+author|Contact(?:\s+officer)?|Publication\s+date|Date\s+of\s+(?:publication|decision)|"
    r"Call[- ]in|Wards?\s+affected|Lead\s+officer)\b[^:]{0,60}:",
    re.IGNORECASE,
)
MARK_ALONE = re.compile(r"^\s*\(?[a-z0-9]{1,3}[.)]\s*$")
CORRECT_RECORD = re.compile(
    r"\b(?:a\s+|as\s+(?:a\s+)?)?(?:true\s+and\s+)?(?:correct|true|accurate)\s+(?:record|reflection)\b|\bcorrectly\s+recorded\b"
    # 'The minutes … were received as accurate.' / '… accepted as correct'
    r"|\b(?:received|accepted|approved|agreed|signed)\s+as\s+(?:being\s+)?(?:accurate|correct)\b",
    re.IGNORECASE,
)
VERB_OUTCOMES = (
    ("withdrawn", r"withdr[ae]wn?|withdraws?"),
    ("deferred", r"defer(?:red|s)?|postponed?"),
    ("approved", r"approv(?:ed|es|e)|ratif(?:ied|ies|y)|confirm(?:ed|s)?"),
    (
        "agreed",
        r"agree(?:d|s)?|endors(?:ed|es|e)|support(?:ed|s)?|accept(?:ed|s)?|adopt(?:ed|s)?|decide[ds]?|resolved|passed"
        r"|refer(?:red|s)?",
    ),
    ("noted", r"not(?:ed|es|e)|receiv(?:ed|es|e)|acknowledg(?:ed|es|e)"),
)
FORMULA_OUTCOME = {
    "APPOINTED": "agreed",
    "PASSED": "agreed",
    "NOTED": "noted",
    "APPROVED": "approved",
    "AGREED": "agreed",
    "RECEIVED": "noted",
}


@dataclass
class _Open:
    """A decision while its lines are being read."""

    kind: str
    start: int
    end: int
    formula: str | None = None
    text_lines: list[str] = field(default_factory=list)
    mover: str | None = None
    seconder: str | None = None
    result: str | None = None
    votes: dict[str, int] | None = None
    voters: dict[str, tuple[str, ...]] | None = None
    closed: bool = False  # a block that reached its end
    offset: int = 0  # where in its first line the decision starts
    block: bool = False  # a formula block: its text is its printed lines
    merged: bool = False  # a motion that has taken the resolution recording it
    nominee: str | None = None  # a nomination's candidate, by surname
    nominee_count: bool = False  # a count was printed for the candidate
    settled: bool = False  # a motion whose sentence says it was agreed: no later resolution is its
    told_before: int = (
        0  # text lines the motion points back to ('This was proposed …'): not its outcome
    )


NOMINATION = re.compile(
    rf"\b(?:proposed(?:\s+that)?|nominated|(?<=seconded )the\s+nomination\s+of)\s+(?:{TITLES})\s+(?:{NAME_WORD}\s+){{0,3}}(?P<surname>{NAME_WORD})"
    r"(?=\s*(?:[,;.]|which|who|and|as|for|to|be|$))"
)
NOTHING_DECIDED = re.compile(
    r"(?i)^\W*(?:there\s+(?:was|were)\s+no(?:ne)?\b|none\b|nil\b|no\s+(?:apologies|declarations|"
    r"questions|interests|petitions|items?|urgent|member|public)\b)"
)
DECLINED = re.compile(
    r"\b(?:who|which|but\s+(?:he|she|they))\s+(?:declined|withdrew)\b|\bdeclined\s+the\s+nomination\b",
    re.IGNORECASE,
)


def find_decisions(lines: list[Line] | tuple[Line, ...], heading: str = "") -> tuple[Decision, ...]:
    """Every decision in a minute's body lines, in order, with outcome, votes and movers
    (`heading`: the minute's heading, which may lead into a list of them)."""
    lines = list(lines)
    sentences = _sentences(lines)
    decisions: list[_Open] = []
    pending_motion: _Open | None = None  # the motion amendments are moved against
    current: _Open | None = None  # the decision whose text may still run on
    voting_on: _Open | None = None  # what the vote being recorded is on
    last_result: _Open | None = None  # the decision the last result line closed
    unclaimed: _Open | None = None  # a vote taken before the resolution that records it
    amendment_next = False  # an 'Amendment' label: the motion that follows is one
    label_since = False  # a form label ('Minutes:') since the last decision began
    last_end = 0
    for at, (line_no, offset, sentence, last_line) in enumerate(sentences):
        if MARK_ALONE.match(sentence):
            continue
        if re.fullmatch(r"(?i)\s*(?:an?\s+)?amendments?\s*:?\s*", sentence):
            amendment_next = True  # 'Amendment' printed as a label over the words that move it
            continue
        if PASSED.match(sentence) and decisions and decisions[-1].kind == "motion":
            moved = decisions[-1]
            if moved.result is None and moved.formula is None and not moved.votes:
                # '… seconded that this meeting continues …. All agreed, the Resolution was
                # passed.': what was moved was resolved
                moved.formula = "RESOLVED"
                moved.end = max(moved.end, last_line + 1)
                continue
        if (cast := CANDIDATE_COUNT.match(sentence)) and _count_for_candidate(decisions, cast):
            last_end = last_line + 1
            continue  # 'For Councillor Lloyd-Hayes (12)': a named vote between candidates
        event = _classify(sentence, offset == 0)
        if event is None and voting_on is not None and parse_votes(sentence, partial=True):
            event = ("votes", None)  # 'A vote was held:' / '13 for (…).' / '7 against (…).'
        if event is None and COUNT_LINE.match(sentence) and decisions:
            # 'That the recommendations … be approved.' / '18 For' / '1 Against' / '1 Abstention':
            # the count printed line by line under the decision it records
            under = decisions[-1]
            under.votes = _add_votes(under.votes, parse_votes(sentence, partial=True))
            under.end = max(under.end, last_line + 1)
            continue
        if (
            event is not None
            and event[0] == "motion"
            and _joins_motion(decisions, sentence, last_line)
        ):
            continue  # 'Proposer: Cllr O Penhallow', 'This was seconded by …'
        if event is None and (LABEL_LINE.match(sentence) or FORM_FIELD.match(sentence)):
            if current is not None:
                current.closed = True  # 'Reasons for decision:': the next field of a form
            label_since = True
            continue
        if (
            current is not None
            and not current.closed
            and current.kind in ("motion", "amendment")
            and (agreed := AND_AGREED.fullmatch(sentence))
        ):
            # 'Proposed by X' / 'Seconded by Y' / 'AND AGREED' / '“To confirm the Minutes …”':
            # how the motion went, its words still to come
            verb = agreed.group(1).upper()
            if verb == "CARRIED":
                current.result = current.result or "carried"
            else:
                current.formula = current.formula or verb
            current.text_lines.append(sentence)
            current.end = max(current.end, last_line + 1)
            continue
        if current is not None and not current.closed:
            part_of_block = event is None or event[0] == "resolution-sentence" and event[1] is None
            empty_field = current.formula == "DECISION" and FIELD_ALONE.match(
                current.text_lines[-1]
            )
            if empty_field and event is not None and event[0] == "resolution":
                part_of_block = True  # 'Decision taken:' / 'RESOLVED that …' is one decision
            if part_of_block and _continues(lines, current, line_no, sentence):
                _extend(current, last_line, sentence)
                continue
            current.closed = True
        if event is None:
            continue
        kind, formula = event
        if kind != "votes":
            voting_on = None
        if kind not in ("result", "call", "votes"):
            # (kept over a vote's lists after its result: '… was not passed.' / 'For (6) …')
            last_result = None
        if kind == "motion" and DECLINED.search(sentence):
            continue  # 'Cllr Holiday proposed Cllr Tong, who declined the nomination.'
        if kind == "motion":
            mover, seconder = movers(sentence)
            last = decisions[-1] if decisions else None
            missing = last is not None and (
                mover and not last.mover or seconder and not last.seconder
            )
            follows_it = last is not None and (
                line_no - last.end <= 2 and not label_since or _elects_the_same(last, sentence)
            )
            moved_last = last is not None and last.kind == "resolution" and missing and follows_it
            if moved_last and last is not None and not _moves_words(sentence):
                # 'RESOLVED that … . Proposed Cllr Ashworth, seconded Cllr Dalby, all in
                # favour.': who moved the resolution just recorded, and how it went
                last.mover, last.seconder = last.mover or mover, last.seconder or seconder
                last.result = last.result or _inline_result(sentence)
                last.votes = last.votes or parse_votes(sentence)
                last.end = max(last.end, last_line + 1)
                continue
            if amendment_next:
                sentence_kind = "amendment"
            else:
                sentence_kind = "amendment" if AMENDMENT.search(sentence) else "motion"
            amendment_next = False
            words_before = _words_moved_before(sentences, at, decisions)
            motion = _Open(
                sentence_kind,
                words_before[0] if words_before else line_no,
                last_line + 1,
                text_lines=[*words_before[1:], sentence],
                told_before=len(words_before[1:]),
                mover=mover,
                seconder=seconder,
                offset=offset,
            )
            motion.result = _inline_result(sentence)
            motion.settled = bool(SETTLED.search(sentence))
            motion.votes = parse_votes(sentence)
            motion.closed = not (
                _opens_list(sentence)
                or MOVED_ONLY.match(sentence)
                or PROPOSER_ONLY.match(sentence)
                or LEADS_IN.search(sentence)
                or AS_FOLLOWS.search(sentence)
            )
            if nominated := NOMINATION.search(sentence):
                motion.nominee = nominated.group("surname").strip(".")
            if motion.kind == "motion" and motion.result is None:
                pending_motion = motion
            decisions.append(motion)
            current = motion
            last_end = last_line + 1
            continue
        if kind in ("result", "votes") and _motion_and_amendment_counts(sentence):
            _motion_against_amendment(decisions, sentence, pending_motion)
            pending_motion = None
            continue
        if kind in ("result", "votes", "call"):
            target: _Open | None
            named = _nomination_named(decisions, sentence)
            if named is not None:
                target = named  # 'County Councillor Shedwick taken first, 11 voted in favour …'
            elif (
                kind == "votes"
                and voting_on is not None
                and not _counted_again(voting_on, sentence)
            ):
                target = voting_on
            elif kind != "result" and last_result is not None and not _names_subject(sentence):
                target = last_result  # '… was LOST. A recorded vote was taken …' / 'Abstain: 2).'
            else:
                target = _result_target(decisions, sentence, pending_motion)
            introduces = _opens_list(sentence) or re.search(r"\bin\s+the\s+name\s+of\b", sentence)
            if target is None and kind == "result" and MOTION_TEXT.search(sentence) and introduces:
                # 'the following motion, standing in the name of …, was not debated and FELL:'
                target = _Open("motion", line_no, last_line + 1, text_lines=[sentence])
                target.closed = not _opens_list(sentence)
                target.mover, _ = movers(sentence)
                decisions.append(target)
                current = target
            counted = bool(VOTE_CALL.search(sentence) or parse_votes(sentence))
            unanimous = kind == "result" and bool(ALL_IN_FAVOUR.search(sentence))
            if target is None and (counted or unanimous):
                # a vote on what no one moved ('The original recommendation was then put to
                # the vote and carried (5 for, 2 against).'): the resolution after it records it
                unclaimed = _Open("vote", line_no, last_line + 1)
                unclaimed.result = (
                    result_of(sentence) if kind == "result" else _inline_result(sentence)
                )
                unclaimed.votes = parse_votes(sentence, partial=True)
            if target is None:
                continue
            if kind == "call":
                voting_on = last_result = target
            elif kind == "result" and sentence.rstrip().endswith(":"):
                voting_on = target  # '… the amendment was lost as follows:' / 'For: … (2)'
            if kind == "result" or VOTE_TALK.search(sentence):
                target.result = target.result or result_of(sentence)
                # (a count naming what it counts moves the count lines after it there too)
                last_result = target if kind in ("result", "votes") else last_result
                if kind == "result" and target.mover is None and target.seconder is None:
                    target.mover, target.seconder = movers(sentence)
            else:
                target.result = target.result or _inline_result(sentence)
            target.votes = _add_votes(target.votes, parse_votes(sentence, partial=True))
            target.voters = _add_voters(target.voters, parse_voters(sentence))
            target.end = max(target.end, last_line + 1)
            if target is pending_motion and target.result:
                pending_motion = None
                decisions.remove(target)
                decisions.append(target)  # a motion is decided when it is put to the vote
            last_end = last_line + 1
            continue
        label_since = False
        field = decisions[-1] if decisions else None
        if field is not None and field.formula == "DECISION" and _only_a_vote(field):
            # 'Decision' / 'Members voted in favour of the proposal …' / 'RESOLVED …': the
            # field heads the vote and the resolution it carried, not a decision of its own
            said = " ".join(
                [
                    _field_words(field),
                    *(t for ln, _, t, _ in sentences if field.end <= ln < line_no),
                ]
            )
            voted = _inline_result(said) or (
                "carried" if re.search(r"(?i)\bvoted\s+in\s+favour\b", said) else None
            )
            if field.kind == "motion":  # the motion took the field: it takes the resolution
                field.merged, field.formula = False, None
                field.result = field.result or voted
            else:
                decisions.remove(field)
                unclaimed = field
                unclaimed.result = unclaimed.result or voted
        decision = _Open(kind, line_no, last_line + 1, formula=formula, text_lines=[sentence])
        decision.offset, decision.block = offset, kind == "resolution"
        if kind == "resolution-sentence":
            decision.kind = "resolution"
            decision.closed = not _opens_list(sentence)
        before = " ".join(t for ln, _, t, _ in sentences if last_end <= ln < line_no)
        decision.mover, decision.seconder = movers(f"{before} {sentence}")
        decision.votes = parse_votes(sentence)
        decision.result = _inline_result(sentence)
        if decision.votes is None and (told := _vote_told_before(sentences, at)):
            # '… proposed by X and seconded by Y. This was approved unanimously with 11 in
            # favour.' / 'RESOLVED / That …': the count printed just before the formula
            decision.votes = told
        if unclaimed is not None:
            decision.votes = decision.votes or unclaimed.votes
            decision.result = decision.result or unclaimed.result
            unclaimed = None
        merged = _merge_with_motion(decisions, decision)
        if merged is not None:
            if merged is pending_motion:
                pending_motion = None
            current = merged
        else:
            decisions.append(decision)
            current = decision
        last_end = last_line + 1
    for k, d in enumerate(decisions):
        # '… RESOLVED to accept the original proposal …': the amendment before it fell
        if (
            d.kind == "amendment"
            and d.result is None
            and not d.votes
            and any(ORIGINAL.search(" ".join(e.text_lines)) for e in decisions[k + 1 :])
        ):
            d.result = "lost"
    if any(d.block for d in decisions):
        # where a council sets its decisions out under a formula ('RESOLVED:'), a sentence
        # before the first one ('Members noted the challenges …') is the discussion
        first = next(k for k, d in enumerate(decisions) if d.block)
        decisions = [
            d for k, d in enumerate(decisions) if k >= first or d.kind != "resolution" or d.formula
        ]
    if any(d.formula != "RECEIVED" for d in decisions):
        # 'The Committee received a summary …' is what happened, where something was decided
        decisions = [d for d in decisions if d.formula != "RECEIVED"]
    # a form's 'Decision:' field whose words decide nothing themselves ('24.1 The Lead
    # Member considered a request …'), the decision set out after it under its own
    # formula or as a motion put ('24.2 The Lead Member RESOLVED to …'): the field's label
    # opens the decision that follows, its first paragraph is the background
    kept: list[_Open] = []
    carried: _Open | None = None  # a dropped field's vote, for the decision it heads
    for k, d in enumerate(decisions):
        background = (
            d.formula == "DECISION"
            and not _opens_decision(_field_words(d))
            and any(
                e.kind != "resolution"
                or e.formula not in (None, "DECISION", "RECEIVED")
                or _opens_decision(_field_words(e))
                or IN_SENTENCE.search(_field_words(e))
                or PASSIVE.match(_field_words(e))  # '… Therefore the minutes … were agreed'
                for e in decisions[k + 1 :]
            )
        )
        if background:
            carried = d if d.votes or d.voters else carried
            continue
        if carried is not None and not d.votes:
            # 'A vote was held: 13 for (…). 7 against (…).' under the field: the decision's
            d.votes, d.voters = carried.votes, d.voters or carried.voters
            d.result = d.result or carried.result
        carried = None
        kept.append(d)
    decisions = kept
    # a form's 'Decision:' field that records nothing decided ('There were no apologies.')
    decisions = [
        d
        for d in decisions
        if not (
            d.formula == "DECISION"
            and (
                NOTHING_DECIDED.match(_field_words(d)) or FIELD_ALONE.match(" ".join(d.text_lines))
            )
        )
    ]
    elected = _elected_list(
        lines, decisions, led=bool(ELECTED_LEAD.search(heading.rstrip(" :") + ":"))
    )
    for d in elected:  # in printed order among the others, which keep their own order
        at = next((k for k, e in enumerate(decisions) if e.start > d.start), len(decisions))
        decisions.insert(at, d)
    return _without_copies([_finish(d, lines) for d in decisions], lines)


# 'the following people were nominated and seconded:', 'The following were elected:'
ELECTED_LEAD = re.compile(
    r"(?i)\bthe\s+following\s+(?:\w+\s+){0,2}(?:were|was|have\s+been)\s+(?:duly\s+|unanimously\s+)?"
    r"(?:re-?)?(?:elected|appointed|nominated(?:\s+and\s+seconded)?|proposed\s+and\s+seconded)\b[^.]*:\s*$"
)
# 'Chair – Richard Morris', 'Vice-Chair: James Hill': an office and who holds it
OFFICE_HOLDER = re.compile(
    r"^\s*(?P<office>[A-Z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*){0,3})\s*(?::|\s[-–—])\s*"
    r"(?P<name>(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*\.?\s*$"
)


def _elected_list(lines: list[Line], found: list[_Open], led: bool = False) -> list[_Open]:
    """Offices and their holders listed under 'the following were elected:' ('Chair –
    Richard Morris' / 'Vice-Chair – James Hill'): each an election, agreed, where no
    decision was found among them. `led`: the heading above the lines leads into a list."""
    out: list[_Open] = []
    for k in range(-1 if led else 0, len(lines)):
        if k >= 0 and not ELECTED_LEAD.search(lines[k].text):
            continue
        j = k + 1
        while j < len(lines):
            text = lines[j].text.strip()
            if not text:
                j += 1
                continue
            if not OFFICE_HOLDER.match(text) or any(d.start <= j < d.end for d in found):
                break
            out.append(_Open("resolution", j, j + 1, text_lines=[text], result="agreed"))
            j += 1
    return out


OPENS_DECISION = re.compile(rf"^{LIST_MARKER}(?:That|THAT|To|TO)\b")


def _opens_decision(words: str) -> bool:
    """Whether a field's words open as a decision does: 'That …', 'To …', a formula, or a
    body and its decision verb ('The Committee agreed …')."""
    return bool(OPENS_DECISION.match(words) or FORMULA.match(words) or SUBJECT_VERB.match(words))


def _only_a_vote(d: _Open) -> bool:
    """A decision field whose words only report a vote ('Members voted in favour of the
    proposal with no votes against and one abstention.'), or nothing at all."""
    words = _field_words(d)
    if FIELD_ALONE.match(" ".join(d.text_lines)) or not words.strip():
        return True
    return bool(VOTE_TALK.search(words)) and not FORMULA.search(words) and len(words.split()) <= 40


def _field_words(d: _Open) -> str:
    """The words of a decision field after its label."""
    text = " ".join(" ".join(d.text_lines).split())
    return re.sub(r"^\W*\w+(?:\s+\w+)?\s*:\s*", "", text, count=1)


COPY_WORDS = 4  # words a decision needs before a second printing of it is a copy
COPY_LIKENESS = 90  # per cent alike (rapidfuzz ratio) for a reworded copy of a long decision
BLOCK_LABEL = re.compile(r"(?i)^\s*(?:decisions?(?:\s+taken)?|minutes|resolutions?)\s*:?\s*$")


def _labelled(d: Decision, lines: list[Line]) -> bool:
    """Whether the decision is a web page block's ('Decision: Noted.', or under 'Decision:')."""
    above = next((ln.text for ln in reversed(lines[: d.start]) if ln.text.strip()), "")
    return bool(BLOCK_LABEL.match(above) or FIELD.match(d.text))


def _without_copies(decisions: list[Decision], lines: list[Line]) -> tuple[Decision, ...]:
    """One decision printed twice in a minute (a web page's 'Decision:' block and its
    'Minutes:' block) counts once: the copy that says more (votes, mover) is kept. A short
    one said again ('Resolved: No Objection.' under each planning application) is a decision
    each time, unless one of the two is a block's ('Decision:' / 'Noted.')."""
    kept: list[Decision] = []
    for d in decisions:
        key = _norm_words(strip_formula(d.text))[:12]
        twin = next(
            (
                k
                for k, other in enumerate(kept)
                if key and _same_words(_norm_words(strip_formula(other.text))[:12], key)
            ),
            None,
        )
        if (
            twin is not None
            and len(key) < COPY_WORDS
            and not (_labelled(d, lines) or _labelled(kept[twin], lines))
        ):
            twin = None  # said again, not printed twice
        if twin is None:
            kept.append(d)
        elif _detail(d) >= _detail(kept[twin]):
            kept[twin] = d
    return tuple(kept)


def _same_words(a: list[str], b: list[str]) -> bool:
    """The same opening words, or, for a decision long enough to be a copy, nearly the
    same ('Councillor Gill Mercer be appointed …' in the 'Decision:' block, 'Councillor
    Mercer be appointed …' in the minutes)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 2 * COPY_WORDS:
        return False
    return fuzz.ratio(" ".join(a), " ".join(b)) >= COPY_LIKENESS


def _norm_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _detail(d: Decision) -> int:
    return bool(d.votes) + bool(d.mover) + bool(d.seconder) + bool(d.voters)


WORD_WINDOW = 80  # characters before a stop searched for the word it ends
ITEM_WINDOW = 2000  # characters from a line's start read to tell whether it opens an item


def _sentences(lines: list[Line]) -> list[tuple[int, int, str, int]]:
    """(line, offset in the line, text, last line) of each sentence: paragraphs are joined, and
    a sentence ends at '.', '!', '?' or ';', or where a line opens a list item."""
    out: list[tuple[int, int, str, int]] = []
    paragraph: list[tuple[int, str]] = []

    def flush() -> None:
        if not paragraph:
            return
        joined, starts = "", []
        for line_no, text in paragraph:
            starts.append((len(joined) + (1 if joined else 0), line_no))
            joined = f"{joined} {text}" if joined else text
        cuts = [0]
        for m in SENTENCE_END.finditer(joined):
            # the word before the stop (a window: a paragraph may be a whole flattened page)
            word = re.search(r"(\S+)\s*$", joined[max(0, m.start() - WORD_WINDOW) : m.start()])
            if word and ABBREVIATION.fullmatch(word.group(1)):
                continue  # 'Mrs. C. Palmer', 'Minute No. 5'
            if re.match(r"\(\d{1,3}(?:\s+votes?)?\)", joined[m.end() :]):
                continue  # 'Councillors A, B and C. (4)': the count closes the list
            if not LIST_MARK_ONLY.match(joined[cuts[-1] : m.end()]):
                cuts.append(m.end())  # '5. RESOLVED': a list mark is not a sentence
        cuts += [
            pos
            for pos, _ in starts[1:]
            if _opens_item(joined[pos : pos + ITEM_WINDOW])
            and not (joined[:pos].rstrip().endswith((",", "(")) and VOTE_LABEL.match(joined[pos:]))
        ]
        cuts = sorted(set(cuts))
        offsets = [pos for pos, _ in starts]  # increasing, as are the line numbers
        for k, cut in enumerate(cuts):
            end = cuts[k + 1] if k + 1 < len(cuts) else len(joined)
            at = bisect_right(offsets, cut) - 1
            line_no, line_start = starts[at][1], starts[at][0]
            last_line = starts[bisect_left(offsets, max(end, cut + 1)) - 1][1]
            text = joined[cut:end].strip()
            if text:
                out.append((line_no, cut - line_start, text, last_line))
        paragraph.clear()

    gap_from: int | None = None
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            gap_from = i if gap_from is None else gap_from
            continue
        continued = (
            paragraph and paragraph[-1][1].rstrip().endswith((",", "(")) and VOTE_LABEL.match(text)
        )
        if (
            paragraph
            and not continued
            and (
                _opens_item(text)
                or MOVER_LINE.match(paragraph[-1][1])  # 'Seconded by J. Kelly' / 'An amendment …'
                or len(paragraph) == 1
                and _stands_alone(paragraph[0][1], text)
                or gap_from is not None
                and not _runs_on(lines, paragraph, gap_from, i)
                or _print_changes(lines[paragraph[-1][0]], line)
            )
        ):
            flush()
        gap_from = None
        paragraph.append((i, text))
    flush()
    return out


def _opens_list(text: str) -> bool:
    """A sentence that ends by opening a list: 'agreed:', 'agreed:-', 'as follows: –'."""
    return text.rstrip(" -–—").endswith(":")


def _stands_alone(first: str, following: str) -> bool:
    """A short first line with no closing punctuation over a much longer line that starts
    a sentence of its own: a subtitle or sub-heading ('Geàrr-chunntas' / 'There had been
    circulated …'), not the first words of that sentence."""
    return (
        len(first) < 40
        and not VOTE_LABEL.match(first)  # 'For the Amendment (15)' over the names
        and not first.rstrip().endswith((".", ",", ";", ":", "-", "–"))
        and following[:1].isupper()
        and len(following) > len(first) + 20
        and not re.search(r"\b(?:and|or|of|the|to|by|for|that|with)$", first.strip(), re.IGNORECASE)
    )


def _print_changes(a: Line, b: Line) -> bool:
    """Two lines in different sizes: a heading's subtitle and the text below it. (Weight is
    no cue here: a word in bold, 'CARRIED', can tip a line of the text.)"""
    if a.style is None or b.style is None:
        return False
    return abs(a.style.size - b.style.size) > 0.9


def _runs_on(lines: list[Line], paragraph: list[tuple[int, str]], gap_from: int, i: int) -> bool:
    """A sentence broken by a page break runs on: the text before the gap has no closing
    punctuation and the text after it starts on a new page or in lower case."""
    before = paragraph[-1][1].rstrip()
    if before.endswith((".", ":", "!", "?")):
        return False
    new_page = lines[i].page != lines[paragraph[-1][0]].page
    return new_page or lines[i].text.strip()[:1].islower()


# a line that records who moved or seconded and nothing else, without a colon or a stop:
# 'Proposer T Heaford' / 'Seconded by J. Kelly'
MOVER_LINE = re.compile(
    r"^\s*(?:Proposer|Seconder|Proposed\s+by|Seconded\s+by|Moved\s+by|Mover)\s+"
    r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?(?:[A-Z][\w'’.-]*\s*){1,3}$"
)
ORIGINAL = re.compile(
    r"(?i)\b(?:the\s+)?original\s+(?:proposal|motion|recommendations?|proposition)\b"
)
PASSED = re.compile(  # 'All agreed, the Resolution was passed.', 'Resolution passed.', 'Agreed.'
    r"^\s*(?:All\s+(?:members\s+|councillors\s+)?agreed\b|(?:The\s+|the\s+)?(?:resolution|motion|proposal)\s+(?:was\s+)?"
    r"(?:passed|agreed|approved|adopted)\b|Resolution\s+passed\b|Agreed(?:\s+unanimously)?\s*\.?\s*$)",
    re.IGNORECASE,
)
COUNT_LINE = re.compile(
    r"(?i)^\s*\d{1,3}\s+(?:votes?\s+)?(?:for|in\s+favour|against|abstentions?|abstained|abstaining)\s*\.?\s*$"
)
LIST_MARK = re.compile(  # '- ', '1. ', '2) ', '5.1 ', '(a) ', 'b. ', 'ii) '
    r"^(?:[-•*▪■o]\s|\(?\d{1,2}[.)]\s|\d{1,3}(?:\.\d{1,3})+\.?\s|\(?[A-Za-z][.)]\s|\(?[ivx]{1,5}\)\s)"
)


def _opens_item(text: str) -> bool:
    """A line that opens a list item or a formula: a new sentence whatever came before."""
    return bool(
        LIST_MARK.match(text)
        or re.match(
            r"^(?:RESOLVED|AGREED|DECIDED|NOTED|Resolved|Agreed)\b|^(?i:resolve)\s*[:–—-]", text
        )
        or re.match(
            r"^It\s+was\s+(?:\w+\s+)?(?:resolved|agreed|RESOLVED|AGREED|APPROVED|DECIDED)\b", text
        )
        or MARK_ALONE.match(text)
        or LABEL_LINE.match(text)
        or "\t" in text
        or VOTE_LABEL.match(text)
        or re.match(
            r"^(?:Proposer|Seconder|Proposed\s+by|Seconded\s+by|Mover)\s*:", text, re.IGNORECASE
        )
        or MOVER_LINE.match(text)
        or re.match(r"^(?:Proposal|PROPOSAL)\s*:", text)
    )


NOTED_THAT = re.compile(  # 'It was noted that …': information the meeting was given
    rf"^{LIST_MARKER}It\s+was\s+(?:also\s+|further\s+)?noted\s*,?\s+that\b"
)


IF_PASSED = re.compile(  # what would follow a decision, not one
    r"\bif\s+(?:this|the|that|any)\s+(?:amendment|motion|recommendation|proposal)s?\s+(?:was|were|is|are)\s+"
    r"(?:passed|carried|agreed|approved|adopted)\b",
    re.IGNORECASE,
)


def _classify(sentence: str, at_line_start: bool) -> tuple[str, str | None] | None:
    """What a sentence is: a decision start, a motion, a result or a vote record, or None."""
    if NOTED_THAT.match(sentence) and not sentence.lstrip()[:12].isupper():
        return None  # what the meeting was told, not what it decided ('NOTED that' stays)
    if IF_PASSED.search(sentence):
        return None  # 'The Lord Mayor advised that if this amendment was passed, it would …'
    if m := FORMULA.match(sentence):
        verb = m.group("verb")
        written = m.group("f")
        if verb.upper() == "RECOMMENDED" and not verb.isupper():
            pass  # 'Recommended: That the Board notes …' is what the agenda asked for
        elif re.match(r"\s*and\s+signed\b", m.group("after")) and not at_line_start:
            pass  # '… that the minutes be approved. Unanimously agreed and signed': its result
        elif (
            verb.isupper()
            or written.lower().startswith("it was")
            or re.match(
                r"\s*(?:[:–—-]|that\b|to\b|$|\(|and\s+signed\b)", m.group("after"), re.IGNORECASE
            )
        ):
            return "resolution", verb.upper()
    if FIELD.match(sentence) or FIELD_ALONE.match(sentence):
        return "resolution", "DECISION"
    if MOTION.search(sentence) and _names_mover(sentence) or MOVED_UNNAMED.search(sentence):
        if IN_SENTENCE.search(sentence):
            return "resolution-sentence", "RESOLVED"
        if IT_WAS_AGREED.search(sentence):
            return (
                "resolution-sentence",
                "AGREED",
            )  # '… seconded by Mr Rowlands it was agreed that …'
        return "motion", None
    if CAPITAL_VERB.match(sentence) and not RECOMMENDATION.match(sentence):
        return (
            "resolution-sentence",
            None,
        )  # 'The Committee NOTED …', '… was APPROVED as a correct record'
    if SUBJECT_VERB.match(sentence) or THAT_BODY_COLON.match(sentence):
        return "resolution-sentence", None
    if RECEIVED_BY_BODY.match(sentence):
        return "resolution-sentence", "RECEIVED"
    if PASSIVE.match(sentence) and len(sentence.split()) <= 60:
        return "resolution-sentence", None
    if SIGNED_RECORD.match(sentence) and len(sentence.split()) <= 60:
        return "resolution-sentence", None  # 'The minutes … were signed … as a correct record'
    if at_line_start and (short := SHORT_RESOLVED.match(sentence)):
        return "resolution", short.group("verb").upper()  # 'Resolved No Objection.'
    if PASSED_TO.match(sentence):
        return "resolution-sentence", "PASSED"
    if APPOINTED.match(sentence) and len(sentence.split()) <= 60:
        return "resolution-sentence", "APPOINTED"
    if IN_SENTENCE.search(sentence):
        return "resolution-sentence", "RESOLVED"
    if TRAILING_OUTCOME.match(sentence):
        return "resolution-sentence", None  # 'add new number 7 item … – agreed'
    if VOTED_TO.match(sentence):
        return "resolution-sentence", None  # 'Members voted 7 to 3 to refuse the application'
    if AGREED_IN_SENTENCE.search(sentence) and not FORMULA.match(sentence):
        return "resolution-sentence", None  # 'After discussion it was agreed to apply …'
    if _is_vote_record(sentence):
        return "votes", None
    if VOTE_CALL.search(sentence) and not result_of(sentence):
        return "call", None
    if _motion_and_amendment_counts(sentence):
        return "result", None  # 'the MOTION received 9 votes and the AMENDMENT received 4 …'
    words = len(sentence.split())
    if result_of(sentence) and (VOTE_TALK.search(sentence) and words <= 80 or words <= 4):
        return "result", None
    if words <= 12 and result_of(sentence) and all(movers(sentence)):
        return "result", None  # 'P: TA S: IA, All in favour': who moved, who seconded, the vote
    return None


def _names_mover(sentence: str) -> bool:
    mover, seconder = movers(sentence)
    return bool(mover or seconder)


def _is_vote_record(sentence: str) -> bool:
    votes = parse_votes(sentence)
    if (VOTE_LABEL_LINE.match(sentence) or VOTE_LABEL.match(sentence)) and (
        votes or parse_votes(sentence, partial=True) or parse_voters(sentence)
    ):
        return True  # 'For (23): Mr A, …' / 'Against (45): …' each on its own line
    return bool(votes and "for" in votes and (len(votes) >= 2 or VOTE_TALK.search(sentence)))


SETTLED = re.compile(  # 'It was proposed and seconded that …, and this was agreed.'
    r"\b(?:this|it|which)\s+was\s+(?:unanimously\s+|duly\s+)?(?:agreed|approved|accepted)\b",
    re.IGNORECASE,
)


def _inline_result(sentence: str) -> str | None:
    if re.search(
        r"\b(?:CARRIED|LOST|FELL|DEFEATED|carried|was\s+lost|fell|defeated)\b", sentence
    ) or ALL_IN_FAVOUR.search(sentence):
        return result_of(sentence)
    return None


RECEIVED = re.compile(  # 'the MOTION received 9 votes', 'Amendment (Ms Rendall) 3  Motion (Mr Jamieson) 5'
    r"\b(?:the\s+)?(MOTION|AMENDMENT|Motion|Amendment|motion|amendment)\s+(?:received\s+(\d{1,3})\s+votes?|"
    r"(?:\([^)]{1,40}\)\s*)?(\d{1,3})\b(?!\s*(?:%|per|of|votes? to)))"
)


# 'On a vote, 4 Members voted for the amendment and 11 for the motion': the count first
COUNT_FOR = re.compile(
    r"\b(\d{1,3})\s+(?:(?:Members?|Councillors?|members?|councillors?)\s+)?(?:voted\s+)?for\s+the\s+"
    r"(MOTION|AMENDMENT|[Mm]otion|[Aa]mendment)\b"
)


# 'On a division, there voted for the motion - Councillors Keenan, … (14); and for the
# amendment - Lord Provost Letford, … (15)': each side's names, then its count
DIVISION_LIST = re.compile(
    r"\bfor\s+the\s+(MOTION|AMENDMENT|[Mm]otion|[Aa]mendment)\s*[-–—:]\s*[^()]{1,1500}?\((\d{1,3})\)"
)


def _motion_and_amendment_count(sentence: str) -> dict[str, int]:
    """The counts of a vote of motion against amendment, by which ('motion', 'amendment')."""
    counts = {
        m.group(1).lower(): int(m.group(2) or m.group(3)) for m in RECEIVED.finditer(sentence)
    }
    for m in COUNT_FOR.finditer(sentence):
        counts.setdefault(m.group(2).lower(), int(m.group(1)))
    for m in DIVISION_LIST.finditer(sentence):
        counts.setdefault(m.group(1).lower(), int(m.group(2)))
    return counts


def _motion_and_amendment_counts(sentence: str) -> bool:
    """A vote of motion against amendment, each with its count."""
    return len(_motion_and_amendment_count(sentence)) == 2


def _motion_against_amendment(decisions: list[_Open], sentence: str, pending: _Open | None) -> None:
    """A vote of motion against amendment: each one's votes are the other's against."""
    counts = _motion_and_amendment_count(sentence)
    abstain = re.search(r"(\d{1,3})\s+abstentions?", sentence)
    amendment = next(
        (d for d in reversed(decisions) if d.kind == "amendment" and d.result is None), None
    )
    motion = pending or next((d for d in reversed(decisions) if d.kind == "motion"), None)
    won = re.search(
        r"\b(MOTION|AMENDMENT|motion|amendment)\s+was\s+(?:(?:therefore|declared|duly)\s+)*(?:CARRIED|carried)",
        sentence,
    )
    winner = won.group(1).lower() if won else max(counts, key=counts.__getitem__, default="motion")
    for name, d, other in (("motion", motion, "amendment"), ("amendment", amendment, "motion")):
        if d is None or name not in counts:
            continue
        d.votes = {"for": counts[name], "against": counts.get(other, 0)}
        if abstain:
            d.votes["abstain"] = int(abstain.group(1))
        d.result = "carried" if name == winner else "lost"
    if motion is not None and motion in decisions:
        decisions.remove(motion)
        decisions.append(motion)


MOVED_THIS = (
    re.compile(  # 'This was proposed by DI and seconded by TD.': what the last sentence said
        r"^(?:This|It|Which)\s+was\s+(?:duly\s+|then\s+|formally\s+)*(?i:proposed|moved)\b"
    )
)


def _words_moved_before(
    sentences: list[tuple[int, int, str, int]], at: int, decisions: list[_Open]
) -> tuple[int, str] | tuple[()]:
    """The sentence a wordless motion points back to ('Approval had been received for the
    co-option of Lynda Mutch.  This was proposed by DI and seconded by TD.'): the line it
    starts on and its words, where it runs in the same paragraph and no decision holds it."""
    line_no, _, sentence, _ = sentences[at]
    if at == 0 or not MOVED_THIS.match(sentence) or _moves_words(sentence):
        return ()
    before_line, _, before, before_last = sentences[at - 1]
    if before_last != line_no and before_last + 1 != line_no:
        return ()  # a paragraph of its own: what it points to is not known
    if decisions and decisions[-1].end > before_line:
        return ()  # the sentence is a decision's, which takes the movers itself
    if _classify(before, False) is not None or len(before.split()) > 60:
        return ()
    return before_line, before


def _moves_words(sentence: str) -> bool:
    """Whether a mover's statement carries the words moved ('… seconded that the item be
    deferred', '… the following amendment:', a quotation), not only who moved."""
    prefix = MOVER_PREFIX.match(sentence) or PROPOSED_THAT.match(sentence)
    if prefix and len(sentence[prefix.end() :].split()) >= 3:
        return True  # '… seconded by Cllr G Uglow that the grant be awarded.'
    return bool(
        re.search(r"\b(?:that|to)\s+\w+", sentence)
        or _opens_list(sentence)
        or re.search(r"[“\"‘]", sentence)
        or MOVED_UNNAMED.search(sentence)
    )


def _joins_motion(decisions: list[_Open], sentence: str, last_line: int) -> bool:
    """A mover or a seconder named alone, after a motion that lacks one, belongs to it
    (with any words of the motion that follow the name)."""
    mover, seconder = movers(sentence)
    last = decisions[-1] if decisions else None
    if (mover is None) == (seconder is None) or MOVED_UNNAMED.search(sentence):
        return False
    if last is None or last.kind not in ("motion", "amendment") or last.result is not None:
        return False
    if (mover and last.mover) or (seconder and last.seconder):
        return False
    last.mover = last.mover or mover
    last.seconder = last.seconder or seconder
    last.result = last.result or _inline_result(sentence)  # '… Seconded by X. Vote unanimous'
    if last.result is None and (settled := SECONDED_AND_SAID.search(sentence)):
        if _seconded_result(settled) == "carried":
            last.result = "carried"
        else:  # 'This was seconded by Z and unanimously agreed.'
            last.formula = last.formula or "AGREED"
    last.end = max(last.end, last_line + 1)
    if not last.closed:
        last.text_lines.append(sentence)
    return True


def _counted_again(d: _Open, sentence: str) -> bool:
    """Whether a count follows one already recorded for `d` ('… the amendment was LOST.' /
    'The substantive motion was put … with 51 votes for, 21 against'): a new vote."""
    new = parse_votes(sentence, partial=True) or {}
    return bool(d.votes and "for" in d.votes and "for" in new)


def _names_subject(sentence: str) -> bool:
    return bool(
        re.search(r"\b(?:motion|amendment|recommendations?|proposal)\b", sentence, re.IGNORECASE)
    )


def _add_votes(a: dict[str, int] | None, b: dict[str, int] | None) -> dict[str, int] | None:
    if not b:
        return a
    return {**b, **(a or {})}


def _add_voters(
    a: dict[str, tuple[str, ...]] | None, b: dict[str, tuple[str, ...]] | None
) -> dict[str, tuple[str, ...]] | None:
    if not b:
        return a
    return {**b, **(a or {})}


def _result_target(decisions: list[_Open], sentence: str, pending: _Open | None) -> _Open | None:
    """Which decision a result line closes: the amendment or motion it names, else the last one."""
    if not decisions:
        return None
    said = result_of(sentence)
    counted = [d for d in decisions if d.nominee and d.result and d.votes]
    if counted and (same := [d for d in counted if d.result == said]):
        return same[-1]  # 'The motion was therefore CARRIED': the nomination the count carried
    lowered = sentence.lower()
    if "amendment" in lowered:
        for d in reversed(decisions):
            if d.kind == "amendment" and d.result is None:
                return d
    if ("motion" in lowered or "substantive" in lowered) and pending is not None:
        return pending
    for d in reversed(decisions):
        if d.result is None and d.formula != "RECEIVED":  # a report received is not voted on
            return d
    return None


ELECTED_NAME = re.compile(
    r"\b(?:elected|appointed)\s+(?:as\s+)?(?:(?:County\s+)?Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)


def _elects_the_same(last: _Open, sentence: str) -> bool:
    """'Councillor Mike Best was elected as Chair …' / … / 'Proposed by Councillor Revans and
    Seconded by Councillor Fothergill, the Council elected Councillor Mike Best': who moved
    the election just recorded, a paragraph later."""
    named = ELECTED_NAME.search(sentence)
    return bool(
        named
        and last.kind == "resolution"
        and re.search(rf"\b{re.escape(named.group('name'))}\b", " ".join(last.text_lines))
    )


CANDIDATE_COUNT = re.compile(
    rf"^\s*(?:Votes\s+)?For\s+(?:{TITLES})\s+(?:{NAME_WORD}\s+){{0,3}}(?P<surname>{NAME_WORD})\s*"
    r"(?:\(\s*(?P<n>\d{1,3})\s*\)\s*:?\s*$"
    # 'For Cllr Clarance: Cllrs Atkins, Bullivant, … Wrigley    Total 32': who voted, the count
    r"|:\s*(?P<voters>.*?)\s+Total\s*:?\s*(?P<total>\d{1,3})\s*$)"
)


def _count_for_candidate(decisions: list[_Open], cast: re.Match[str]) -> bool:
    """A count printed for one of the nominated candidates: that nomination's votes for,
    the other candidates' counts its votes against, the most votes carried."""
    nominations = [d for d in decisions if d.kind == "motion" and d.nominee]
    named = [d for d in nominations if d.nominee == cast.group("surname").strip(".")]
    if len(nominations) < 2 or len(named) != 1:
        return False
    named[0].votes = {"for": int(cast.group("n") or cast.group("total"))}
    if cast.group("voters"):
        names = re.sub(r"^(?:Cllrs?|Councillors?)\.?\s+", "", cast.group("voters").strip())
        named[0].voters = {"for": tuple(n.strip() for n in re.split(r",\s*|\s+and\s+", names) if n)}
    named[0].nominee_count = True
    counted = [d for d in nominations if d.nominee_count and d.votes]
    if len(counted) >= 2:
        fors = [d.votes["for"] for d in counted if d.votes]
        for d, got in zip(counted, fors, strict=True):
            d.votes = {"for": got, "against": sum(fors) - got}
            d.result = "carried" if got == max(fors) else "lost"
            if all(e.voters for e in counted):
                others = [v for e in counted if e is not d for v in (e.voters or {}).get("for", ())]
                d.voters = {**(d.voters or {}), "against": tuple(others)}
    return True


def _nomination_named(decisions: list[_Open], sentence: str) -> _Open | None:
    """The nomination whose candidate a vote sentence names, when several stand; a count on
    each candidate in turn decides each nomination."""
    nominations = [d for d in decisions if d.nominee]
    if len(nominations) < 2 or not (VOTE_TALK.search(sentence) or parse_votes(sentence)):
        return None
    named = [d for d in nominations if re.search(rf"\b{re.escape(d.nominee or '')}\b", sentence)]
    if len(named) != 1 or named[0].result is not None or named[0].votes:
        return None
    votes = parse_votes(sentence, partial=True) or {}
    if "for" in votes and "against" in votes and not result_of(sentence):
        named[0].result = "carried" if votes["for"] > votes["against"] else "lost"
    return named[0]


def _merge_with_motion(decisions: list[_Open], decision: _Open) -> _Open | None:
    """A resolution that records the motion just carried (or moved) becomes that motion's
    decision: the resolution's words, the motion's mover, seconder and votes. Where
    candidates were nominated, it records the nomination of the one it names; one that
    was never put to the vote lapsed and is no decision."""
    text = " ".join(decision.text_lines)
    nominations = [d for d in decisions if d.kind == "motion" and d.nominee and not d.merged]
    chosen = [d for d in nominations if re.search(rf"\b{re.escape(d.nominee or '')}\b", text)]
    if len(nominations) >= 2 and len(chosen) == 1:
        for lapsed in nominations:
            if lapsed is not chosen[0] and lapsed.result is None and not lapsed.votes:
                decisions.remove(lapsed)
        decisions.remove(chosen[0])
        decisions.append(chosen[0])
    motions = [k for k, d in enumerate(decisions) if d.kind == "motion"]
    if not motions:
        return None
    last = decisions[motions[-1]]
    if any(d.kind == "resolution" for d in decisions[motions[-1] + 1 :]):
        return None
    if last.merged and _election_told_then_resolved(last, decision):
        pass  # '… X was elected unopposed.' / 'RESOLVED - That X be appointed …': the record
    elif last.merged or last.settled or last.result not in (None, "carried"):
        return None
    last.merged = True
    decisions.remove(last)
    decisions.append(last)  # decided now: after the amendments moved against it
    last.formula = decision.formula
    last.text_lines = decision.text_lines
    last.start, last.end = decision.start, decision.end
    last.offset, last.block = decision.offset, decision.block
    last.votes = last.votes or decision.votes
    last.result = last.result or decision.result
    last.mover = last.mover or decision.mover
    last.seconder = last.seconder or decision.seconder
    last.closed = decision.closed
    return last


ELECTED = re.compile(
    r"(?i)\b(?:be|was|were|is)\s+(?:duly\s+)?(?:elected|appointed|re-?elected|re-?appointed)\b"
)


def _election_told_then_resolved(motion: _Open, decision: _Open) -> bool:
    """A nomination whose election was told in words ('There being no further
    nominations, Councillor Swinscoe was elected unopposed.') and then resolved under a
    formula ('RESOLVED - That Councillor Swinscoe be appointed as the Chair …'): the
    resolution is the nomination's decision, not a second one."""
    told = " ".join(motion.text_lines)
    return (
        motion.formula in (None, "APPOINTED")  # a sentence told it, no formula
        and decision.formula not in (None, "APPOINTED")
        and bool(UNOPPOSED.search(told) or ELECTED.search(told))
        and bool(ELECTED.search(" ".join(decision.text_lines)))
    )


# a motion's sentence that ends where its words begin, printed below it: '… MOVED and
# Councillor Y SECONDED that' / '… the following amendment' / '… as follows'
LEADS_IN = re.compile(r"(?i)\b(?:that|the\s+following(?:\s+\w+){0,2}|as\s+follows)\s*[-–—]?\s*$")
AS_FOLLOWS = re.compile(  # '… moved an amendment … as follows, this was seconded by X –'
    r"\bas\s+follows\b[^.;]{0,100}[-–—:]\s*$"
)
# a character of a mover's name and title: no stop, colon or semicolon, except after an
# initial or 'Cllr' ('Councillor G. Mullaney', 'Cllr. J. Smith')
NAME_CHAR = r"(?:[^.;:]|(?<=\b[A-Z])\.|(?<=\bCllr)\.)"
# 'PROPOSED BY COUNCILLOR X' on a line of its own: the seconder and the motion's words follow
PROPOSER_ONLY = re.compile(rf"^\s*(?i:proposed|moved)\s+(?i:by)\s+{NAME_CHAR}{{1,80}}?\.?\s*$")
# 'PROPOSED BY COUNCILLOR X / SECONDED BY COUNCILLOR Y / That …': who, then the motion
PROPOSED_SECONDED_LINES = re.compile(
    rf"^(?i:proposed|moved)\s+(?i:by)\s+(?:(?!(?i:that)\b){NAME_CHAR}){{1,80}}?\s+"
    rf"(?i:and\s+)?(?i:seconded)\s+(?i:by)\s+(?:(?!(?i:that)\b){NAME_CHAR}){{1,80}}?"
    # '… Seconded by Councillor Y andRESOLVED: That …' (the formula glued on by the copy)
    r"(?:\s+(?=(?i:that)\s)|\s*(?:(?i:and)\s*)?(?=RESOLVED\b|Resolved\b|AGREED\b))"
)
# '“To confirm the Minutes of the Special Meeting held on 21st December, 2011.”' resolved:
# the minutes approved, as 'a correct record' says
CONFIRM_MINUTES = re.compile(
    r"(?i)^[“\"‘']?(?:to\s+)?(?:confirm|approve|adopt)(?:\s+and\s+sign)?\s+the\s+minutes\b"
)
AND_AGREED = re.compile(r"(?i)\s*and\s+(agreed|resolved|carried)\s*[.:]?\s*")
MOVED_ONLY = re.compile(  # who moved and seconded, and nothing else
    rf"^\s*(?:It\s+was\s+)?(?i:proposed|moved)\s+(?i:by)\s+{NAME_CHAR}{{1,80}}?,?\s+(?i:and\s+)?"
    rf"(?i:seconded)\s+(?i:by)\s+{NAME_CHAR}{{1,80}}?\.?"
    r"(?:\s+(?i:and\s+(?:agreed|resolved|carried)))?\s*$"  # '… / Seconded by Y / AND AGREED'
)


def _continues(lines: list[Line], current: _Open, line_no: int, sentence: str) -> bool:
    """Whether the sentence at `line_no` still belongs to an open RESOLVED block.

    A block runs on within its paragraph, over list items, and over the paragraph after
    a line that ends with ':' or with no closing punctuation.
    """
    gap = any(not lines[k].text.strip() for k in range(current.end, line_no))
    text = sentence.strip()
    if _sibling(current.text_lines[0], text):
        return False  # '7.1 … the following payments: 7.1.1 … 7.1.2 …' / '7.2 …': a new one
    if current.formula and not strip_formula(" ".join(current.text_lines)):
        # 'RESOLVED' alone on its line: its words are the next paragraph ('… paye due.
        # Approved' closing a line is the outcome of what it follows, and ends there)
        return current.offset == 0
    if len(current.text_lines) == 1 and FIELD_ALONE.match(current.text_lines[0]):
        return True  # 'Decision' alone, a heading over its words
    if MOVED_ONLY.match(" ".join(current.text_lines)):
        # 'Proposed by X, seconded by Y.' alone (on one line or two, 'AND AGREED' after it):
        # the motion's words are the next paragraph ('That …', '“To confirm the Minutes …”')
        return len(current.text_lines) <= 3 and bool(
            re.match(r"^[“\"‘']?(?:That|THAT)\b|^[“\"‘'](?:To|TO)\s", text)
        )
    previous = current.text_lines[-1].rstrip().rstrip("”’\"')") if current.text_lines else ""
    if not gap:
        if previous.endswith((".", "!", "?")) and line_no < current.end:
            return False  # the next sentence in the same line
        listed = _opens_item(text) and (
            any(_opens_list(t) or ":" in t for t in current.text_lines)
            or bool(LIST_MARK.match(current.text_lines[-1]))
            or not previous.endswith((".", "!", "?"))
        )  # an item of the list the decision opened, not the next item of the agenda
        lower = text[:1].islower() and not _opens_item(text)  # 'ii) To …' is an item
        return not previous.endswith((".", "!", "?")) or listed or lower
    if _opens_item(text) and not re.match(
        r"^(?:RESOLVED|AGREED|DECIDED|NOTED)\b", text, re.IGNORECASE
    ):
        return True
    if previous.endswith((":", ";", ",", "-", "–")) or re.search(
        r"\b(?:and|or|that|That)$", previous
    ):
        return True
    if LEADS_IN.search(previous):
        return True  # '… SECONDED the following amendment' / 'add at the end: …'
    return bool(text[:1].islower())


def _sibling(first: str, text: str) -> bool:
    """Whether `text` opens with a number of the same depth as the one `first` opens with
    (its list's items are numbered deeper)."""
    a, b = split_number(first), split_number(text)
    return (
        a is not None
        and b is not None
        and a.form == b.form == "dotted"
        and len(a.parts) == len(b.parts)
        and a.parts[:-1] == b.parts[:-1]
        and b.parts[-1] > a.parts[-1]
    )


def _extend(current: _Open, last_line: int, sentence: str) -> None:
    current.text_lines.append(sentence)
    current.end = max(current.end, last_line + 1)
    current.votes = current.votes or parse_votes(sentence)
    current.result = current.result or _inline_result(sentence)


def _finish(d: _Open, lines: list[Line]) -> Decision:
    if d.block:  # as printed, line by line
        printed = [ln.text.strip() for ln in lines[d.start : d.end] if ln.text.strip()]
        if printed:
            printed[0] = printed[0][d.offset :].strip() or printed[0]
            tail = d.text_lines[-1].strip()[-15:] if d.text_lines else ""
            cut = printed[-1].rfind(tail) if len(tail) >= 5 else -1
            if cut >= 0 and len(printed) > 1 or cut >= 0 and d.offset == 0:
                printed[-1] = printed[-1][: cut + len(tail)]  # it ends inside its last line
        text = "\n".join(printed)
    else:
        text = "\n".join(t for t in d.text_lines if t).strip()
    voters = d.voters or parse_voters(text)
    votes = d.votes or parse_votes(text)
    if votes is None and voters:
        votes = {k: len(v) for k, v in voters.items()}
    page = lines[d.start].page if d.start < len(lines) else None
    return Decision(
        text=text,
        outcome=outcome(
            "\n".join(d.text_lines[d.told_before :]) if d.told_before else text,
            d.result,
            d.formula,
            votes,
        ),
        votes=votes,
        voters=voters,
        mover=d.mover,
        seconder=d.seconder,
        kind=d.kind,
        page=page,
        start=d.start,
        end=max(d.end, d.start + 1),
    )


# a character of a sentence: not a stop, unless one of an initial or a title ('Mr. White')
IN_SENTENCE_CHAR = r"(?:[^.;:]|(?<=[A-Z])\.|(?<=Mr)\.|(?<=Mrs)\.|(?<=Ms)\.|(?<=Dr)\.|(?<=Cllr)\.)"
MOVER_PREFIX = re.compile(
    rf"^{LIST_MARKER}(?:It\s+was\s+(?:then\s+|further\s+)?)?{IN_SENTENCE_CHAR}{{0,200}}?\b(?i:proposed|moved)\b{IN_SENTENCE_CHAR}{{0,160}}?"
    rf"\b(?i:seconded)\b(?:\s+by\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*){{1,5}}|\s*\(?{INITIALS}\)?)?\s*[,.]?\s*"  # ('Seconded (SB)')
    r"(?:and\s+(?:it\s+was\s+)?(?:unanimously\s+)?(?i:carried|resolved|agreed)(?:\s+unanimously)?\s*)?"  # '… and CARRIED:'
    r"(?:(?:the\s+following\s+|an\s+|the\s+)(?:amendment|motion)(?:\s+\([^)]*\))?\s*:?\s*|(?:and\s+)?(?i:that)\s+|[:–—]\s*"
    r"|(?:a|the)\s+proposal\s+(?:to|that)\s+"  # '… seconded a proposal to change …'
    # '… seconded a motion, which was agreed unanimously … as set out below:'
    r"|(?:a|an|the)\s+(?:motion|proposal|amendment)\b[^:.;]{0,120}:\s*"
    # '… seconded by Councillor Raja and referred to the Executive …': what became of it
    r"|and\s+(?=(?:referred|deferred|withdrawn|carried|agreed|approved|noted|adopted)\b)"
    # '… Cllr B seconded, all agreed to pay £250 …', '… seconded all in favour of being signed …'
    r"|(?:and\s+)?all\s+(?:members\s+)?(?:were\s+)?(?:in\s+favour|agreed|in\s+agreement)(?:\s+(?:of|to|that|with))?\s+"
    r"|(?<=seconded )(?=(?!(?:by|the|a|an|this|that|it|following)\b)[a-z]))"  # 'X proposed and Y seconded payment of the fee'
)
PROPOSED_OBJECT = re.compile(  # a proposer and what was proposed: 'S. Farrow proposed acceptance of …'
    r"^(?:(?:Cllrs?\.?|Councillor|Mr|Mrs|Ms|Dr)\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}(?:proposed|PROPOSED)\s+(?=(?!(?:that|by|to|and|the|a|an)\b)[a-z])"
)
ON_PROPOSAL = re.compile(  # 'On a PROPOSAL by Cllr M Hayes SECONDED by Cllr Carr it was AGREED to …'
    r"^(?i:on\s+(?:(?:a|the)\s+)?(?:proposal|proposition|motion)\s+(?:by|from|of))\s+[^.;:]{1,80}?\s+(?i:seconded\s+by)\s+"
    r"(?:[A-Z][\w'’.-]*\s+){1,4}(?=(?i:it\s+was|and|the)\b)"
)
VOTE_TAKEN_ON = re.compile(  # 'a recorded vote was taken on the proposal … that …'
    r"^(?:[^.;:]|(?<=\d)\.(?=\d)){0,200}?\bvote\s+(?:was\s+|as\s+)?taken\s+on\s+(?:the\s+|a\s+)?(?:proposal|motion|recommendation|amendment)s?\b"
    r"[^.;:]{0,200}?\bthat\s+",
    re.IGNORECASE,
)


MOTION_PREAMBLE = re.compile(
    r"^(?:[^.;:]{0,200}?\b(?:motion|amendment)\b[^.;:]{0,200}?\b(?:was|were)\s+(?:duly\s+|then\s+)?(?:moved|proposed)(?:\s+and\s+seconded)?"
    r"|Decisions?)\s*:?\s*(?=(?-i:[A-Z])|[“\"‘'(])"
    r"|^[^“\"‘]{0,300}?\b(?:motion|amendment)\b[^“\"‘]{0,300}?:\s*(?=[“\"‘])",
    re.IGNORECASE,
)
BODY_AGREED_COLON = re.compile(
    rf"^(?:[Tt]he\s+)?{BODY}\s+(?:further\s+)?(?P<verb>agreed|resolved|decided|AGREED|RESOLVED|DECIDED)(?:\s+as\s+follows)?\s*:\s*-?\s*"
)
PROPOSED_THAT = re.compile(
    rf"^{LIST_MARKER}(?:[^.;:]|(?<=[A-Z])\.){{0,200}}?\b(?:proposed|moved|MOVED|PROPOSED|(?i:proposal|motion|proposed|moved)\s+by\s+(?:[A-Z][\w'’.-]*\s*){{1,5}})\b(?:,?\s+(?:as\s+)?an?\s+(?:amendment|motion),?)?\s*that\s*(?::-?\s*|\s)"
)
BODY_RESOLVED = re.compile(
    rf"^{LIST_MARKER}(?:That\s+)?(?:[Tt]he\s+|[Tt]his\s+)?{BODY}\s+(?:(?:also|further|then|unanimously)\s+)*(?:RESOLVED|resolved|resolves|DECIDED|decided|decides)"
    r"\s+(?:unanimously\s+)?(?:(?=not\s+to\b)|(?:to|that)\b\s*:?\s*)"  # ('… decided not to award …')
)


# 'RESOLVED: That Full Council / 1. NOTE …': the body, then its list with nothing between
# (with a colon, 'That the Committee: 1. noted …', the words are kept as the gold keeps them)
BODY_OVER_LIST = re.compile(
    rf"^(?:That\s+)?(?:[Tt]he\s+)?{BODY}\s+(?=(?:\(?\d{{1,2}}[.)]|\([a-z]\))\s+\S)"
)
BODY_AGREED_THAT = re.compile(  # 'Council agreed that the TOR be reviewed …'
    rf"^{LIST_MARKER}(?:[Tt]he\s+)?{BODY}\s+(?:unanimously\s+|formally\s+)?(?P<verb>agreed|AGREED)\s+that\s+"
)
# 'Council agreed to order 50 leaflets': the body agreed, unless what it agreed to do was to
# defer or note ('agreed to defer' is deferred); its words keep 'The Board agreed to …'
BODY_AGREED_TO = re.compile(
    rf"^{LIST_MARKER}(?:[Tt]he\s+)?{BODY}\s+(?:unanimously\s+|formally\s+)?(?:agreed|AGREED)\s+(?=to\s)"
)


def _without_formula(text: str) -> str:
    """A decision's words after its opening formula or field ('RESOLVED:', 'Decision:')."""
    text = re.sub(r"\s+", " ", text).strip()
    if m := FORMULA.match(text):
        text = m.group("after")
    elif f := FIELD.match(text) or MOTION_PREAMBLE.match(text):
        text = text[f.end() :] if not FIELD.match(text) else f.group("after")
    return re.sub(rf"^\s*(?:/?[:–—-]\s*)?(?:that|That|THAT)?\s*{LIST_MARKER}", "", text).strip()


# how far into a decision's sentence its formula may stand: after the considerations that
# led to it ('Having considered applications from … and having confirmed that … Cllrs
# RESOLVED to …'), two lines of print
FORMULA_WITHIN = 240


def strip_formula(text: str) -> str:
    """A decision's words without its formula ('RESOLVED: That', 'It was agreed that',
    'Decision taken: Cabinet RESOLVED to:', list marks, or who moved and seconded it)."""
    text = re.sub(r"\s+", " ", text).strip()
    for _ in range(4):  # formulas nest: 'Decision taken: Cabinet RESOLVED to: (1) …'
        before = text
        text = re.sub(r"^(?i:proposal)\s*:\s*", "", text)  # 'Proposal: X proposed and Y seconded …'
        text = re.sub(r"^(?i:it\s+was)\s*:-?\s+", "", text)  # 'It was:- / Proposed by X that …'
        text = ON_PROPOSAL.sub("", text)
        text = PROPOSED_SECONDED_LINES.sub("", text)
        text = PROPOSED_OBJECT.sub("", text)  # 'S. Farrow proposed acceptance of the accounts'
        text = re.sub(
            r"^(?:Motion|Amendment)\s+to\s+(?=\S)", "", text
        )  # a vote's label: 'Motion to Defer …'
        if (
            mp := MOVER_PREFIX.match(text)
            or PROPOSED_THAT.match(text)
            or MOTION_PREAMBLE.match(text)
            or VOTE_TAKEN_ON.match(text)
        ):
            text = text[mp.end() :]
        text = re.sub(
            r"^(?:(?:Proposer|Seconder|Proposed\s+by|Seconded\s+by)\s*:\s*(?:[A-Z][\w'’.-]*\s+){1,4})+",
            "",
            text,
        )
        text = text.lstrip("“\"‘'").strip()
        text = re.sub(rf"^{NO_OTHER_NOMINATIONS}", "", text)
        text = PASSED_TO.sub("", text)
        # 'It was AGREED (proposed Mr Parke, seconded Mrs Rae) that …': who, in brackets
        text = re.sub(r"^\((?i:proposed|moved)\b[^)]{0,100}\)\s*(?i:that\s+)?", "", text)
        if SHORT_RESOLVED.match(text):
            text = text.split(None, 1)[1]  # 'Resolved No Objection.'
        text = re.sub(rf"^{THEREFORE}", "", text)
        if trailing := TRAILING_OUTCOME.match(text):
            text = trailing.group("text")
        if agreed := BODY_AGREED_COLON.match(text) or BODY_OVER_LIST.match(text):
            text = text[agreed.end() :]
        if (inside := _formula_inside(text[:FORMULA_WITHIN])) and not FORMULA.match(text):
            text = text[inside.end() :].strip()
        if body := BODY_RESOLVED.match(text) or BODY_AGREED_THAT.match(text):
            text = text[body.end() :]
        if m := FORMULA.match(text):
            text = m.group("after")
        elif f := FIELD.match(text):
            text = f.group("after")
        # ('RESOLVED, that …': a comma after the formula)
        text = re.sub(
            r"^\s*(?:,|/?[:–—-]|/|\(\s*unanimously\s*\))\s*", "", text, flags=re.IGNORECASE
        )
        text = re.sub(rf"^\s*{WHEN}\s+(?=(?:to|that)\b)", "", text)
        # 'Resolve: by a unanimous vote that …': how it was carried, between formula and words
        text = re.sub(
            r"^\s*(?i:by\s+(?:a\s+)?(?:unanimous|majority)\s+vote|by\s+a\s+majority)\s*,?\s*(?=(?i:that|to)\b)",
            "",
            text,
        )
        text = re.sub(r"^\s*(?:that|That|THAT|to)\b\s*:?-?\s*", "", text)
        text = re.sub(rf"^{LIST_MARKER}", "", text).strip()
        if text == before:
            break
    return text


FORMULA_AND_VERB = re.compile(
    rf"^{LIST_MARKER}(?i:resolved|agreed)\s+and\s+(?P<verb>noted|approved|agreed|accepted|deferred)\b"
)


def _vote_told_before(sentences: list[tuple[int, int, str, int]], k: int) -> dict[str, int] | None:
    """The counts of the sentence just before a decision's formula when it tells the vote's
    result and was read as nothing else ('… seconded by Y. This was approved unanimously
    with 11 in favour.' / 'RESOLVED …'); 'unanimously' with a count for and none against is
    that count, none against and none abstaining. `k` is the formula's sentence."""
    if k == 0:
        return None
    last = sentences[k - 1][2]
    if _classify(last, sentences[k - 1][1] == 0) is not None:
        return None  # a vote read as one already goes to what it decided
    if not (VOTE_TALK.search(last) or result_of(last) or UNANIMOUS.search(last)):
        return None
    votes = parse_votes(last)
    if votes and set(votes) == {"for"} and UNANIMOUS.search(last):
        votes = {"for": votes["for"], "against": 0, "abstain": 0}
    return votes


UNANIMOUS = re.compile(r"(?i)\bunanimous(?:ly)?\b")


def outcome(
    text: str,
    result: str | None = None,
    formula: str | None = None,
    votes: dict[str, int] | None = None,
) -> str | None:
    """The outcome of a decision: the vote's result, else what its words do.

    A printed result (carried, lost, withdrawn) wins; then counts (more for than against:
    carried); then 'a correct record' (approved); then the main verb where the meeting's
    body is the subject ('Cabinet agree to …'); then the strongest verb of its parts
    (withdrawn, deferred, approved, agreed, noted — a resolution that approves one thing
    and notes another approves); then its formula ('NOTED'); a resolution that only asks
    or delegates was agreed.
    """
    if result:
        return result
    if votes and "for" in votes:  # a count against not printed is none
        return "carried" if votes["for"] > votes.get("against", 0) else "lost"
    body = strip_formula(text)
    if (both := FORMULA_AND_VERB.match(text)) and (found := _verb_outcome(both.group("verb"))):
        return found  # 'RESOLVED and noted.'
    if trailing := TRAILING_OUTCOME.match(re.sub(r"\s+", " ", text).strip()):
        return _minutes_approved(body, _verb_outcome(trailing.group("verb")))  # '… – agreed'
    if CORRECT_RECORD.search(body[:300]) or CONFIRM_MINUTES.match(body):
        return "approved"
    opening = _without_formula(text)
    if (agreed := BODY_AGREED_COLON.match(opening) or BODY_AGREED_THAT.match(opening)) and (
        found := _verb_outcome(agreed.group("verb"))
    ):
        return found  # 'The Integration Joint Board agreed:- (i) to note …': it agreed
    if agreed_to := BODY_AGREED_TO.match(opening):
        # 'Council agreed to defer …' deferred, '… to note …' noted; to do anything else, agreed
        then = re.match(r"to\s+(\w+)", opening[agreed_to.end() :])
        verb = _verb_outcome(then.group(1)) if then else None
        return verb if verb in ("deferred", "noted", "withdrawn") else "agreed"
    if m := SUBJECT_VERB.match(body):
        found = _verb_outcome(m.group("verb"))
        if found:
            return found
    if re.match(rf"^(?:{BODY})\b", body):
        first = re.split(r"(?<=[.;])\s", body, maxsplit=1)[0]
        for word in re.findall(r"[A-Za-z]+", first)[1:12]:
            found = _verb_outcome(word)
            if found and found != "agreed" or word.lower().startswith(("agree", "endors")):
                return found
    if m := re.search(r"\bresolved\s+(?:unanimously\s+)?to\s+(\w+)", text, re.IGNORECASE):
        return _minutes_approved(body, _verb_outcome(m.group(1)) or "agreed")
    by_all = AGREED_BY_ALL.search(body)
    if (
        by_all is None
        and (said := AGREED_BY_ALL.search(text))
        and said.group("verb").lower() != "resolved"
    ):
        by_all = said  # 'Cllr A proposed, Cllr B seconded, all agreed to pay £250 …'
    if by_all:
        return _minutes_approved(body, _verb_outcome(by_all.group("verb")))
    found_any: set[str] = set()
    for m in re.finditer(
        r"\b(?:be|been|was|were|is|are|being)\s+(?:(?:otherwise|duly|formally|hereby|also|unanimously)\s+)?"
        r"(?:(?:submitted|considered|received|circulated|presented|tabled)\s+and\s+)?(\w+)",
        body,
    ):
        found = _verb_outcome(m.group(1))
        if found:
            found_any.add(found)
    first_word = re.match(r"(?:(?:To|TO)\s+)?([A-Za-z]+)", body)  # 'Noted.', 'To defer …'
    if first_word and (found := _verb_outcome(first_word.group(1))):
        found_any.add(found)  # 'Noted.', 'Approve the plan
    for name, _ in VERB_OUTCOMES:
        if name in found_any:
            return _minutes_approved(body, name)
    if settled := SECONDED_AND.search(text):  # '… which was Seconded by Z and RESOLVED.'
        return _minutes_approved(body, _seconded_result(settled))
    if formula in FORMULA_OUTCOME:
        return FORMULA_OUTCOME[formula]
    decided = formula in ("RESOLVED", "DECIDED", "RECOMMENDED", "DECISION") or body
    if decided and (formula or _formula_inside(text) or BODY_RESOLVED.match(text)):
        # '… the Council RESOLVED unanimously there was no objection'; 'RESOLVED that the
        # minutes … be signed by the Chair': approving them
        return _minutes_approved(body, "agreed")
    return None


# 'Proposed by X that Y be Chairman which was Seconded by Z and RESOLVED.', 'This was
# seconded by Z and unanimously agreed.': seconded, and so decided
SECONDED_AND_WORDS = (
    r"\b(?i:seconded)\b[^.;:]{0,80}?\band\s+(?:it\s+was\s+)?(?:unanimously\s+)?"
    r"(?P<verb>(?i:resolved|carried|agreed))\b"
)
SECONDED_AND = re.compile(SECONDED_AND_WORDS + r"\s*[.;]?\s*$")
SECONDED_AND_SAID = re.compile(SECONDED_AND_WORDS)


def _seconded_result(settled: re.Match[str]) -> str:
    """What 'seconded … and CARRIED / RESOLVED / agreed' decided: carried, else agreed."""
    return "carried" if settled.group("verb").lower() == "carried" else "agreed"


AGREED_BY_ALL = re.compile(  # '… seconded payment of the fee and the meeting unanimously agreed'
    rf"(?:\band\s+|,\s+)(?:(?:(?:the\s+meeting|members|all(?:\s+members)?|(?:the\s+)?{BODY})\s+(?:(?:then|duly|unanimously)\s+)?)"
    r"|(?:was\s+)?unanimously\s+)"  # '…, seconded by C. Cuckson and unanimously agreed'
    r"(?P<verb>agreed|approved|resolved|accepted|endorsed)\b",
    re.IGNORECASE,
)
OWN_MINUTES = re.compile(
    r"^(?:[\w’']+\s+){0,6}minutes\b(?!\s+of\s+(?:the\s+)?(?-i:[A-Z]))", re.IGNORECASE
)


def _minutes_approved(body: str, found: str | None) -> str | None:
    """Agreeing the minutes of the meeting before is approving them ('Agreement to the
    content of the minutes … was unanimously agreed'); another body's minutes ('the minutes
    of the Planning Committee') are not this meeting's to approve."""
    return "approved" if found == "agreed" and OWN_MINUTES.search(body) else found


def _verb_outcome(word: str) -> str | None:
    for name, pattern in VERB_OUTCOMES:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return name
    return None


__all__ = ["find_decisions", "outcome", "replace", "strip_formula"]

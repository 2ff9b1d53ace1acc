"""Report cover sheets: 'Report to / Date of Meeting / Report of ...' or 'From / To / Subject ...'.

Fields are found by structure (label, colon, value; in table cells or on their own lines)
and mapped to one vocabulary, so that any council's template reads the same.
"""

from __future__ import annotations

import re

FIELD_NAMES: dict[str, str] = {
    "report to": "report_to",
    "to": "report_to",
    "meeting": "report_to",
    "committee": "report_to",
    "meeting of": "report_to",
    "name of meeting": "report_to",
    "meeting name": "report_to",
    "report for": "report_to",
    "report to the": "report_to",
    "board": "report_to",
    "on": "date",  # 'To: Audit Committee' / 'On: 12 March 2024'
    "date of report": "report_date",
    "title of report": "subject",
    "report subject": "subject",
    "report": "subject",
    "date of the meeting": "date",
    "status": "exempt",
    "classification / status": "exempt",
    "date of meeting": "date",
    "meeting date": "date",
    "date": "date",
    "report of": "report_of",
    "from": "report_of",
    "report author": "report_of",
    "subject": "subject",
    "report title": "subject",
    "title": "subject",
    "portfolio": "portfolio",
    "cabinet portfolio": "portfolio",
    # who answers for the report, in other templates' words
    "portfolio lead": "portfolio",
    "portfolio holder": "portfolio",
    "lead member": "portfolio",
    "cabinet member": "portfolio",
    "report by": "report_of",
    "author": "report_of",
    "contact officer": "report_of",
    "lead officer": "report_of",
    "responsible officer": "report_of",
    "accountable employee": "report_of",
    "accountable chief executive": "report_of",
    "report has been considered by": "considered_by",
    "wards affected": "wards",
    "wards": "wards",
    "electoral division": "wards",
    "electoral divisions": "wards",
    "is this a key decision": "key_decision",
    "key decision": "key_decision",
    "included in forward plan": "forward_plan",
    "decision no": "decision_no",
    "decision number": "decision_no",
    "exempt/confidential report": "exempt",
    "exempt / confidential report": "exempt",
    "exempt report": "exempt",
    "confidential report": "exempt",
    "classification": "exempt",
}
LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z /&'’-]{1,40}?)\s*:\s*(.*)$")
NOT_FOR_PUBLICATION = re.compile(
    r"NOT FOR PUBLICATION|\bby virtue of (?:paragraph|para)\b.{0,80}Schedule\s*12A|"
    r"\bEXEMPT (?:INFORMATION|REPORT|ITEM)\b",
    re.IGNORECASE,
)
EXEMPT_VALUE = re.compile(
    r"^\s*(?:yes|y|exempt|restricted|confidential|part\s*(?:2|ii)\b)", re.IGNORECASE
)


def _field_key(label: str) -> str | None:
    label = re.sub(r"\s+", " ", label.strip().lower().replace("’", "'"))
    label = re.sub(r"\s*/\s*", " / ", label) if "/" in label else label
    return FIELD_NAMES.get(label) or FIELD_NAMES.get(label.replace(" / ", "/"))


def parse_cover_fields(lines: list[str]) -> dict[str, str]:
    """Cover-sheet fields found in the first lines of a document, keyed by our field names.

    Fields sit in table cells ('Report to:<tab>Cabinet<tab>Date of Meeting:<tab>...') or on
    lines of their own, their values running on over the following lines until a blank
    line or the next field ('Subject: Transfer the 18-25 section of ...').
    """
    fields: dict[str, str] = {}
    open_key: str | None = None
    for line in lines[:60]:
        if not line.strip():
            open_key = None
            continue
        cells = [c.strip() for c in line.split("\t")]
        cells = [c for c in cells if c]
        first = LABEL.match(cells[0])
        if open_key and not first and len(cells) == 1:
            fields[open_key] = f"{fields.get(open_key, '')} {cells[0]}".strip()
            continue
        open_key = None
        i = 0
        while i < len(cells):
            match = LABEL.match(cells[i])
            key = _field_key(match.group(1)) if match else None
            if match and key:
                value = match.group(2).strip()
                if not value and i + 1 < len(cells) and not LABEL.match(cells[i + 1]):
                    value = cells[i + 1]
                    i += 1
                if key not in fields:
                    fields[key] = re.sub(r"\s+", " ", value)
                    open_key = key if len(cells) == 1 else None
            i += 1
    return {k: v for k, v in fields.items() if v}


def count_cover_fields(lines: list[str]) -> int:
    """How many distinct cover-sheet fields these lines hold: two or more mark a cover sheet."""
    return len(parse_cover_fields(lines))


def is_exempt(fields: dict[str, str], head_lines: list[str]) -> bool:
    """True when the cover says the report is exempt / not for publication.

    'Exempt / Confidential Report: No' and 'Classification: Unrestricted' are not exempt;
    a mention of Schedule 12A deep in the body is not looked at.
    """
    value = fields.get("exempt")
    if value is not None:
        if re.match(r"^\s*(?:no|n|unrestricted|public|open|not exempt)\b", value, re.IGNORECASE):
            return False
        if EXEMPT_VALUE.match(value) or NOT_FOR_PUBLICATION.search(value):
            return True
    head = "\n".join(head_lines[:25])
    return bool(re.search(r"NOT FOR PUBLICATION", head))

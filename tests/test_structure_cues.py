"""The cues the parser reads structure by, each on constructed examples: numbering
schemes, minute headings (with and without layout), title blocks, cover sheets, furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.model import Document, Line, LineStyle, Page
from kb.parse import parse_pack
from kb.parse.furniture import classify_lines
from kb.parse.headings import find_headings
from kb.parse.minutes import find_minutes_head
from kb.parse.numbering import split_number

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("line", "number", "form", "rest"),
    [
        ("12 APOLOGIES", "12", "plain", "APOLOGIES"),
        ("12. Apologies", "12", "dot", "Apologies"),
        ("(12) Apologies for Absence", "12", "paren", "Apologies for Absence"),
        ("12) Apologies", "12", "close", "Apologies"),
        ("12/24 Apologies", "12/24", "slash", "Apologies"),
        ("24/051 Finance", "24/051", "slash", "Finance"),
        ("5.1 Grass cutting", "5.1", "dotted", "Grass cutting"),
        ("21.03.04\tFINANCE", "21.03.04", "dotted", "FINANCE"),
        ("Minute 12 Library Opening Hours", "12", "word", "Library Opening Hours"),
        ("Min. 45: Allotments", "45", "word", "Allotments"),
        ("285. Budget Monitoring (Item 3)", "285", "dot", "Budget Monitoring (Item 3)"),
        ("(a) Subject: Library Opening Hours", "a", "letter", "Subject: Library Opening Hours"),
        ("IV. FINANCE", "IV", "roman", "FINANCE"),
        ("XII Planning Applications", "XII", "roman", "Planning Applications"),
        ("SFRA/24/07 Budget", "SFRA/24/07", "prefixed", "Budget"),
        ("CAB45 Budget", "CAB45", "prefixed", "Budget"),
        ("FGP24/031 Payments", "FGP24/031", "prefixed", "Payments"),
        ("C/123 Minutes", "C/123", "prefixed", "Minutes"),
        ("304-1.To receive apologies", "304-1", "slash", "To receive apologies"),
        ("06/09/03 Minutes", "06/09/03", "slash", "Minutes"),
        ("GMCA 96/19 APOLOGIES", "GMCA 96/19", "prefixed", "APOLOGIES"),
        ("*75 Minutes", "75", "plain", "Minutes"),  # a mark against the number (delegated)
        ("†12. Budget", "12", "dot", "Budget"),
        ("1296.", "1296", "dot", ""),
        ("2715 Apologies for Absence", "2715", "plain", "Apologies for Absence"),
        ("Item 52/07/23 Public session", "52/07/23", "word", "Public session"),
        ("M/140/2006:- CONDEMNATION", "M/140/2006", "prefixed", "CONDEMNATION"),
        ("A1Declarations of interest", "A1", "prefixed", "Declarations of interest"),
    ],
)
def test_numbering_schemes(line: str, number: str, form: str, rest: str) -> None:
    found = split_number(line)
    assert found is not None
    assert (found.number, found.form, found.rest) == (number, form, rest)


@pytest.mark.parametrize(
    "line", ["2024 was a good year", "10:30 am start", "The report", "1998 saw the first"]
)
def test_not_numbers(line: str) -> None:
    assert split_number(line) is None


def _lines(text: str, styles: dict[int, LineStyle] | None = None) -> list[Line]:
    body = LineStyle(10.0, False, 72.0, 0.0)
    return [
        Line(t, 1, (styles or {}).get(i, body if t.strip() else None))
        for i, t in enumerate(text.strip("\n").splitlines())
    ]


SLASH_MINUTES = """
31/24 Apologies for Absence
Apologies were received from Councillors Kaur and Okafor.
32/24 Declarations of Interest
No declarations were made at this meeting of the committee today.
33/24 Housing Allocations Policy Review
1. The Director introduced the report which set out the outcome of the review of the policy.
2. Members discussed the treatment of armed forces households in some detail tonight.
RESOLVED: That the policy be approved.
"""


def test_headings_of_one_scheme_numbered_paragraphs_left_out() -> None:
    heads = find_headings(_lines(SLASH_MINUTES))
    assert [(h.number, h.title) for h in heads] == [
        ("31/24", "Apologies for Absence"),
        ("32/24", "Declarations of Interest"),
        ("33/24", "Housing Allocations Policy Review"),
    ]


def test_bold_headings_win_over_plain_numbered_paragraphs() -> None:
    text = """
7. Library Opening Hours
7.1 The Head of Libraries introduced the report on opening hours across the city branches.
7.2 Members asked about Saturday opening and the use of volunteers in branch libraries.
8. Parks Maintenance Contract
8.1 The Committee considered the tenders received for the parks maintenance contract.
"""
    bold = LineStyle(11.0, True, 72.0, 0.0)
    heads = find_headings(_lines(text, {0: bold, 3: bold}))
    assert [(h.number, h.title) for h in heads] == [
        ("7", "Library Opening Hours"),
        ("8", "Parks Maintenance Contract"),
    ]


def test_title_runs_on_to_its_item_reference() -> None:
    text = """
88. 24/00108 - Revenue and Capital Budget Monitoring Report – November
2024-25
(Item 5)
The report was introduced by the Cabinet Member for Finance this afternoon.
89. Draft Budget
(Item 6)
The draft budget was introduced by the Leader of the Council this afternoon.
"""
    heads = find_headings(_lines(text))
    assert (
        heads[0].title
        == "24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25"
    )
    assert [h.agenda_item for h in heads] == ["5", "6"]


def test_date_lines_are_not_minutes() -> None:
    text = "AUDIT COMMITTEE\n24 SEPTEMBER 2009\n1 DECLARATIONS OF INTEREST\nNone were made.\n2 MINUTES\nAgreed."
    assert [h.number for h in find_headings(_lines(text))] == ["1", "2"]


@pytest.mark.parametrize(
    ("block", "committee", "date", "time"),
    [
        (
            "Aldermoor City Council\nMinutes of the Housing and Neighbourhoods Committee\n"
            "Tuesday 12 March 2024 at 6.00 pm\nPresent:\nCouncillor Marsh (Chair)",
            "Housing and Neighbourhoods Committee",
            "2024-03-12",
            "6.00 pm",
        ),
        (
            "MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions\n"
            "House, Maidstone on Thursday, 30 January 2025.\nPRESENT: Mr R W Gough (Chairman)",
            "Cabinet",
            "2025-01-30",
            None,
        ),
        (
            "HEALTH AND WELLBEING BOARD\nMEETING HELD AT THE COMMITTEE ROOM, BOOTLE TOWN HALL\n"
            "ON WEDNESDAY 7TH DECEMBER, 2022\nPRESENT: Councillor Moncur (in the Chair)",
            "Health and Wellbeing Board",
            "2022-12-07",
            None,
        ),
        (
            "AUDIT COMMITTEE\n24 SEPTEMBER 2009\n(19:15 TO 19:25)\nPRESENT: Dave Roberts (Chairman)",
            "Audit Committee",
            "2009-09-24",
            None,
        ),
        (
            "UPPER COLDBROOK PARISH COUNCIL\nMinutes of the Meeting of Upper Coldbrook Parish Council held on "
            "Monday 8th April 2024 at 7.30pm\nPresent: Cllr R Pemberton (Chairman)",
            "Upper Coldbrook Parish Council",
            "2024-04-08",
            "7.30pm",
        ),
        (
            "Agenda, decisions and minutes\nCombined Authority Board - Thursday, 25th July, 2024 11.00 am\n"
            "Venue: Boardroom\nAttendance\nPresent: Mayor Joanne Reeve (Chair)",
            "Combined Authority Board",
            "2024-07-25",
            None,
        ),
        (
            "Decision Recording Form\nRecord of a decision taken by the Cabinet\n(a)\nSubject:\nCycling Plan\n"
            "(b)\nDecision maker:\nCabinet\n(c)\nDate of decision:\n20 March 2024\n(d)\nDecision taken:\nApproved",
            "Cabinet",
            "2024-03-20",
            None,
        ),
        (
            "At a MEETING of the Licensing Sub-Committee held at the Civic Centre, Greyhaven on "
            "Tuesday 4 March 2025 at 10.00 am\nPRESENT: Councillor Ortiz (Chair)\n1. APOLOGIES",
            "Licensing Sub-Committee",
            "2025-03-04",
            "10.00 am",
        ),
        (
            "MINUTE OF MEETING OF THE EDUCATION COMMITTEE held in the Council Chambers on "
            "12 February 2025\nPresent: Councillor Reid\n1. MINUTES",
            "Education Committee",
            "2025-02-12",
            None,
        ),
        (
            "MINUTE\nAUDIT AND SCRUTINY COMMITTEE\n14 November 2024\nPresent: Councillor Bain\n"
            "1. Apologies",
            "Audit and Scrutiny Committee",
            "2024-11-14",
            None,
        ),
        (
            "Licensing Committee\nDate:\nTuesday, 11 March 2025\nTime:\n7.00 pm\nPresent:\n"
            "Councillor Ames (Chair)\n1. Apologies",
            "Licensing Committee",
            "2025-03-11",
            None,
        ),
        (
            "Record of Hearing and Notice of Determination\nLicensing Sub-Committee\n"
            "Date of hearing: 3 February 2025\nApplicant: Mr X\n"
            "(a) Subject: Premises licence (agenda item 2)",
            "Licensing Sub-Committee",
            "2025-02-03",
            None,
        ),
        (
            "Agenda and draft minutes\nHealth and Wellbeing Board - Wednesday, 26th June, 2024 2.00 pm\n"
            "To receive any apologies for absence.\nApologies were received from Jan Britton.",
            "Health and Wellbeing Board",
            "2024-06-26",
            None,
        ),
        (
            "Agenda and minutes\nMoved from 9th October 2018, Cabinet - Tuesday, 2nd October, 2018 2.00 pm\n"
            "Venue: Committee Room 3 - Council House. View directions\nItems\nNo. Item\n39.\n"
            "Declarations of Interest",
            "Cabinet",
            "2018-10-02",
            None,
        ),
        (
            "Ashby Parish Council Minutes 4 May 2016\nMINUTES OF THE EXTRAORDINARY MEETING HELD AT THE"
            " CHURCH HOUSE, ASHBY ON WEDNESDAY 4 MAY 2016 AT 7.30PM\nPRESENT: Councillor Bratt (Chairman)",
            "Extraordinary Meeting",  # a parish's meeting is named by its type, as printed
            "2016-05-04",
            "7.30PM",
        ),
        (
            "Minutes of Parish Council 22 November 2023\nTHOSE ATTENDING:\nCllr K Burn\n"
            "C048/23 1. APOLOGIES FOR ABSENCE.\nC049/23 2. DECLARATIONS OF INTEREST",
            "Parish Council",
            "2023-11-22",
            None,
        ),
    ],
)
def test_title_blocks(block: str, committee: str, date: str, time: str | None) -> None:
    texts = block.splitlines()
    head = next(h for i in range(len(texts)) if (h := find_minutes_head(texts, i)))
    assert (head.meeting.committee, head.meeting.date, head.meeting.time) == (committee, date, time)


@pytest.mark.parametrize(
    ("name", "title", "committee"),
    [
        # a local council's meeting named by its type, the place left out
        (None, "Minutes of the Annual Meeting held remotely on 3 May 2021", "Annual Meeting"),
        (None, "Minutes of the Marsh End Parish Council Special Meeting", "Special Meeting"),
        (
            None,
            "MINUTES OF THE EXTRA-ORDINARY HOLTBY TOWN COUNCIL MEETING",
            "Extra-Ordinary Town Council Meeting",
        ),
        (
            None,
            "Minutes of an Ordinary Parish Council Meeting on 4 May",
            "Ordinary Parish Council Meeting",
        ),
        (
            None,
            "Minutes of the Third Annual Meeting of the Upper Dene Parish Council held",
            "Annual Meeting",
        ),
        (
            None,
            "Minutes of the Inaugural Meeting of the new Glen Ash Community Council",
            "Inaugural Meeting",
        ),
        # any other body's meeting keeps the body's name
        (
            "County Council",
            "MINUTES OF THE ANNUAL MEETING OF THE COUNTY COUNCIL held",
            "County Council",
        ),
        ("Council", "Minutes of the Extraordinary Meeting of the Council held", "Council"),
        (
            "Schools Forum",
            "Minutes of the Special Educational Needs meeting of the Schools Forum",
            "Schools Forum",
        ),
        # the meeting's mode, ModernGov's meeting type and the body before a committee left out
        ("Town Council remote", "", "Town Council"),
        ("Council - Budget Meeting", "", "Council"),
        ("Cabinet - Extraordinary", "", "Cabinet"),
        ("Marchshire Fire and Rescue Authority - Audit and Governance", "", "Audit and Governance"),
        (
            "Health and Wellbeing Board - Joint Session",
            "",
            "Health and Wellbeing Board - Joint Session",
        ),
        ("Annual General Meeting of the Dale Access Forum", "", "Dale Access Forum"),
        ("Glenmorven Council Minutes", "", "Glenmorven Council"),  # a web page's title
        ("The Dale Council - Glenmoor", "", "The Dale Council"),  # the place it met
        # a full council without its place; an authority without its area
        ("Full Dunmore Town Council", "", "Full Council"),
        ("Police and Fire Authority for North Westshire and Dale", "", "Police and Fire Authority"),
        (
            "Partnership Board for Learning Disabilities",
            "",
            "Partnership Board for Learning Disabilities",
        ),
    ],
)
def test_meeting_names(name: str | None, title: str, committee: str) -> None:
    from kb.parse.names import meeting_committee

    assert meeting_committee(name, title) == committee


def test_a_monthly_meeting_of_the_council_is_the_councils() -> None:
    texts = [
        "Minutes of Monthly Meeting of the Council held on Monday 8 May 2006 at 7.00 pm in the",
        "Boardroom, District Council Offices, Dale Row.",
        "In Attendance:",
        "Councillor A Burns",
        "M/140/2006:-",
        "APOLOGIES",
    ]
    head = next(h for i in range(len(texts)) if (h := find_minutes_head(texts, i)))
    assert (head.meeting.committee, head.meeting.date) == ("Council", "2006-05-08")


def test_an_agenda_note_about_minutes_is_not_a_title_block() -> None:
    texts = [
        "4. Minutes of the Previous Meeting (Pages 9 - 16)",
        "",
        "Minutes of the meeting held on 24 September 2024.",
        "PRESENT: Councillor Burns",
    ]
    assert all(find_minutes_head(texts, i) is None for i in range(len(texts)))


def test_signing_line_is_not_the_meeting_date() -> None:
    text = (
        "LITTLE STOKE PARISH COUNCIL\nMinutes of the Meeting of Little Stoke Parish Council held on\n"
        "Thursday 11th April 2019 at 7.30pm\nPresent: Cllr A Brown (Chair), Cllr B Green\n\n"
        "19/041 Apologies\nNone.\n19/042 Grass cutting\nIt was resolved to pay £250 for grass cutting.\n\n"
        "Signed ............ Chairman    Dated 9th May 2019\n"
    )
    pack = parse_pack([Page(text, None, 0)], "parish.txt")
    minutes = next(d for d in pack.documents if d.doc_type == "minutes")
    assert minutes.meeting.date == "2019-04-11"
    assert [m.number for m in minutes.minutes] == ["19/041", "19/042"]
    assert minutes.minutes[1].decisions[0].outcome == "agreed"


def test_cover_sheet_in_another_vocabulary() -> None:
    text = (
        "Ravensmoor Combined Authority\nMeeting:\nCombined Authority Board\nMeeting date:\nThursday 25 July 2024\n"
        "Report of:\nExecutive Director\nReport title:\nQuarry Site Acquisition\nStatus:\nPublic\n\n"
        "1. Purpose of report\n1.1 To seek approval to acquire the quarry site for housing.\n"
    )
    pack = parse_pack([Page(text, None, 0)], "report.txt")
    assert (pack.meeting.committee, pack.meeting.date) == ("Combined Authority Board", "2024-07-25")
    assert not any(d.exempt for d in pack.documents)


def test_form_labels_on_every_page_are_not_furniture() -> None:
    page = "Decision Recording Form\n(a)\nSubject:\nItem {n}\nDecision taken:\nApproved {n}\nPage {n} of 4"
    pages = [Page(page.format(n=n), None, n) for n in range(4)]
    kinds = {(r.text.strip(), r.kind) for r in classify_lines(pages)}
    assert ("Subject:", "text") in kinds and ("(a)", "text") in kinds
    assert ("Page 2 of 4", "footer") in kinds


def test_running_header_of_a_short_document_is_furniture() -> None:
    pages = [
        Page("Minutes of the Committee\n12 March 2024\n1. Apologies\nNone.", None, 0),
        Page("Housing Committee – 12 March 2024\nPage 2\n2. Housing\nRESOLVED: noted.", None, 1),
        Page("Housing Committee – 12 March 2024\nPage 3\n3. Parks\nRESOLVED: noted.", None, 2),
    ]
    kinds = {r.text.strip(): r.kind for r in classify_lines(pages)}
    assert kinds["Housing Committee – 12 March 2024"] == "header"
    assert kinds["Page 2"] == "footer"


def test_pdf_layout_is_read() -> None:
    from kb.read.pdf import read_pdf

    pdf = REPO / "corpus" / "kent" / "kent-cabinet-2025-01-30-printed-minutes.pdf"
    page = read_pdf(pdf)[0]
    assert len(page.styles) == len(page.text.splitlines())
    by_text = {t.strip(): s for t, s in zip(page.text.splitlines(), page.styles, strict=True) if s}
    assert by_text["CABINET"].bold and by_text["CABINET"].size > by_text["84. Apologies"].size
    assert by_text["84. Apologies"].bold
    assert not by_text["(Item 1)"].bold


UNTITLED_MINUTES = """
Thornbury Allotment Society
Committee Meeting Minutes
Venue: Scout Hut, Mill Lane
Chair: J Smith
Attendees: P Brown, K Lee, R Patel, S Okoro
Meeting date: Tuesday 14 May 2024

1. Apologies
None received.

2. Rent review
The treasurer reported on rents across the district.
It was agreed that rents rise by 5% from October.

3. Water supply
RESOLVED: that a new tap be fitted at plot 12.

4. Any other business
None.
"""


def test_minutes_under_a_title_block_of_no_known_form() -> None:
    """Minutes whose title block kb has no rule for are still read as minutes: a word for
    minutes at the top, minute headings, decisions under them; the meeting as far as the
    first lines name it."""
    pack = parse_pack([Page(UNTITLED_MINUTES, None, 0)], "society.txt")
    (doc,) = pack.documents
    assert doc.doc_type == "minutes"
    assert (doc.meeting.committee, doc.meeting.date) == (
        "Thornbury Allotment Society Committee",
        "2024-05-14",
    )
    assert [m.number for m in doc.minutes] == ["1", "2", "3", "4"]
    assert [m.decisions[0].outcome for m in doc.minutes if m.decisions] == ["agreed", "agreed"]


def test_a_meeting_named_in_the_opening_sentence() -> None:
    text = (
        "MINUTES\n\nThe meeting of the Eastvale Joint Transport Forum opened at 7pm on 14 May 2024"
        " in the Guildhall.\n\n1. Apologies\nNone received.\n\n2. Bus subsidy\nThe Forum agreed to"
        " fund the route 7 evening service for a further year.\n\n3. Cycle lanes\nRESOLVED: that"
        " the consultation responses be noted.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "forum.txt").documents
    assert (doc.doc_type, doc.meeting.committee, doc.meeting.date) == (
        "minutes",
        "Eastvale Joint Transport Forum",
        "2024-05-14",
    )


def test_an_agenda_is_not_taken_for_untitled_minutes() -> None:
    text = (
        "Thornbury Allotment Society Committee\nAgenda for the meeting on 14 May 2024\n\n"
        "1. Apologies\n2. Minutes of the last meeting\nTo approve the minutes of the meeting held"
        " on 2 April 2024.\n3. Rent review\nRecommended: That rents rise by 5%.\n4. Any other business\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "agenda.txt").documents
    assert doc.doc_type == "agenda" and doc.minutes == ()


def test_web_page_link_texts_are_not_text() -> None:
    from kb.parse.furniture import clean_markup

    assert clean_markup("3. MINUTES OF THE LAST MEETING pdf icon PDF 238 KB") == (
        "3. MINUTES OF THE LAST MEETING"
    )
    assert clean_markup("Venue: Council Chamber, Town House. View directions") == (
        "Venue: Council Chamber, Town House."
    )


def test_a_date_run_on_to_the_time_before_it() -> None:
    from kb.parse.dates import parse_date

    assert parse_date("4.00pm1 July 2021") == "2021-07-01"
    assert parse_date("Item1 July 2021") is None


def test_minutes_word_under_the_committee_and_date() -> None:
    texts = (
        "Harbridge City Council\nPolicy & Resources Committee\n4.00pm 1 July 2021\n"
        "Hove Town Hall - Council Chamber\nMINUTES\nPresent: Councillor Adey (Chair)\n"
        "1 Procedural Business\n2 Minutes"
    ).splitlines()
    head = next(h for i in range(len(texts)) if (h := find_minutes_head(texts, i)))
    assert (head.meeting.committee, head.meeting.date) == (
        "Policy & Resources Committee",
        "2021-07-01",
    )


def test_parish_minutes_titled_by_agenda_wording() -> None:
    heads = find_headings(
        _lines(
            "F01:04/24 Receive apologies and accept valid reasons for absence, these having been"
            " submitted to the clerk prior to the meeting.\nApologies were received.\n"
            "F02:04/24 To approve the minutes from 1 March 2023. Chair to sign and date.\n"
            "Approved.\nF03:04/24 To agree dates for full council meetings in 2023-24. First"
            " meeting of the new council is proposed for Wed 10th May 2023, with councillors"
            " taking office on 9th May.\nRESOLVED: Schedule of dates agreed.\n"
        )
    )
    assert [(h.number, h.title) for h in heads] == [
        (
            "F01:04/24",
            "Receive apologies and accept valid reasons for absence, these having been"
            " submitted to the clerk prior to the meeting",
        ),
        ("F02:04/24", "To approve the minutes from 1 March 2023"),
        ("F03:04/24", "To agree dates for full council meetings in 2023-24"),
    ]


def test_a_meeting_that_was_held_and_a_date_in_a_long_sentence() -> None:
    text = (
        "RESOLVEN COMMUNITY COUNCIL\nThe Monthly Meeting of the Council was held on Thursday 4th"
        " June March 2020 at 6pm\nThe meeting was held on a remote basis in accordance with the"
        " provisions of the Local Authorities (Coronavirus) (Meetings) (Wales) Regulations 2020, these"
        " regulations remain in force until 30th April 2021, or earlier if repealed, and supersede"
        " standing orders.\nPresent/ Presennol\nMr N. Francis – Chairman\n"
        "39/20 To confirm election of Councillor Neal Francis as Chair\nResolved to elect Cllr Francis\n"
        "40/20 Apologies for Absence\nMr R. Roberts\n41/20 Minutes of the previous Meeting\n"
        "Resolved to approve the minutes of 5 March 2020.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "resolven.txt").documents
    assert doc.doc_type == "minutes"
    # the date printed is garbled ('4th June March'): unknown, not the regulations' date
    assert (doc.meeting.committee, doc.meeting.date) == ("Council", None)
    assert [m.number for m in doc.minutes] == ["39/20", "40/20", "41/20"]


def test_a_moderngov_issue_page_names_its_meeting() -> None:
    from kb.parse.agenda import parse_meeting

    meeting = parse_meeting(["Issue - meetings", "", "Meeting: 22/05/2015 - Council (Item 2)", ""])
    assert (meeting.committee, meeting.date) == ("Council", "2015-05-22")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("on Wednesday 15thMay 2019, 7pm", "2019-05-15"),  # a lost space after the ordinal
        ("Date :-2011/12/14", "2011-12-14"),  # year first, as record systems print it
        ("Meeting date: 2024-06-25", "2024-06-25"),
        ("ref 2019/20/1", None),  # a reference, not a date
        ("held on 9TH MARCH2019 at 7pm", "2019-03-09"),  # a lost space before the year
        ("ref 12 May20199", None),  # not a year
    ],
)
def test_more_date_forms(text: str, iso: str | None) -> None:
    from kb.parse.dates import parse_date

    assert parse_date(text) == iso


def test_a_decision_record_printed_as_fields_without_a_title() -> None:
    text = (
        "Reference Number :-3071\nDate :-2019/03/05\nDecision Maker :-Cabinet\n"
        "Subject to Call-in :-Yes\nSubject of Decision :-Library Opening Hours\n"
        "Decision :-That the revised opening hours set out in the report be approved.\n"
        "Reason for Decision :-To keep every branch open five days a week.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "record.txt").documents
    assert (doc.doc_type, doc.meeting.committee, doc.meeting.date) == (
        "minutes",
        "Cabinet",
        "2019-03-05",
    )
    (minute,) = doc.minutes
    assert minute.title == "Library Opening Hours"
    (decision,) = minute.decisions
    assert decision.outcome == "approved" and "opening hours" in decision.text
    assert "keep every branch" not in decision.text  # the next field ends it


def test_fields_of_a_report_cover_are_not_a_decision_record() -> None:
    texts = ["Report to :-Cabinet", "Date :-2019/03/05", "Subject :-Library Opening Hours", ""]
    assert all(find_minutes_head(texts, i) is None for i in range(len(texts)))


def test_the_title_run_on_from_the_body_name_above_it() -> None:
    text = (
        "ITEM 4 RIVERSIDE ACCESS FORUM MINUTES of a meeting of the Riverside Access Forum held on"
        " Tuesday 3 March 2015 at 6pm.\n\n1. APOLOGIES FOR ABSENCE: Apologies were received from"
        " Mrs J Hale.\n\n2. MINUTES: The minutes of the meeting held on 2 October 2014 were agreed"
        " as a correct record.\n\n3. RIGHTS OF WAY: Mr K Dunn reported on the path surveys.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "forum.txt").documents
    assert (doc.meeting.committee, doc.meeting.date) == ("Riverside Access Forum", "2015-03-03")
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("1", "Apologies for Absence"),
        ("2", "Minutes"),
        ("3", "Rights of Way"),
    ]
    assert doc.minutes[1].decisions[0].outcome == "approved"
    assert "path surveys" in " ".join(ln.text for ln in doc.minutes[2].lines)  # text kept


def test_minutes_of_a_sentence_in_capitals_are_not_a_title() -> None:
    texts = [
        "THAT THE AMENDED MINUTES OF THE FULL COUNCIL MEETING OF 7 JULY 2008 BE ACCEPTED.",
        "4. MATTERS ARISING",
        "5. FINANCE",
    ]
    assert find_minutes_head(texts, 0) is None


@pytest.mark.parametrize(
    ("line", "title", "body"),
    [
        (
            "1. APPOINTMENT OF CHAIRMAN: Mr P Park was appointed Chairman.",
            "1. APPOINTMENT OF CHAIRMAN",
            "Mr P Park was appointed Chairman.",
        ),
        (
            "82/23 Apologies: Cllr Rees and Cllr Hale sent apologies.",
            "82/23 Apologies",
            "Cllr Rees and Cllr Hale sent apologies.",
        ),
    ],
)
def test_a_heading_run_in_to_its_text(line: str, title: str, body: str) -> None:
    from kb.parse.runin import split_run_in

    assert [ln.text for ln in split_run_in([Line(line, 1)])] == [title, body]


@pytest.mark.parametrize(
    "line",
    [
        "3.2 Application: 170522 Land at Chantry Bungalow",  # a label, then the title goes on
        "1. Apologies for absence: Cllr V Coker; Cllr O Marshall",  # '1.' numbers paragraphs too
        "4. RESOLVED: That the report be noted.",
        "5. MINUTES: Approved.",  # too short to be the minute's text
    ],
)
def test_lines_that_are_not_run_in_headings(line: str) -> None:
    from kb.parse.runin import split_run_in

    assert [ln.text for ln in split_run_in([Line(line, 1)])] == [line]


def test_a_web_page_of_a_meeting_with_a_date_label_and_its_minutes_label() -> None:
    texts = [
        "Agendas, reports and minutes",
        "",
        "Strathmore Council",
        "",
        "Date: Thursday, 25 June 2015",
        "",
        "Minutes: Read the Minutes (Items 18-23)",
        "",
        "18. Scheme of Delegation",
    ]
    head = next(h for i in range(len(texts)) if (h := find_minutes_head(texts, i)))
    assert (head.meeting.committee, head.meeting.date) == ("Strathmore Council", "2015-06-25")
    # a cover's field is not the body's name line
    assert (
        find_minutes_head(["Committee: Strathmore Council", "Date: 25 June 2015", "Minutes: x"], 0)
        is None
    )


def test_an_agenda_front_sheet_with_a_date_label_is_not_minutes() -> None:
    texts = [
        "CABINET",
        "AGENDA",
        "Date: Wednesday 1 May 2024",
        "Time: 10.00 am",
        "1. Apologies for Absence",
        "2. Declarations of Interest",
        "3. Minutes of the meeting held on 3 April 2024",
        "PRESENT: Councillor Amos (in the Chair)",
    ]
    assert find_minutes_head(texts, 1) is None and find_minutes_head(texts, 0) is None


def test_one_minute_alone_under_a_minutes_title() -> None:
    heading = "18. Scheme of Delegation and Members' Roles"
    body = [heading, "", "There had been circulated a report by the Depute Chief Executive."]
    assert find_headings(_lines("\n".join(body))) == []  # alone, in mixed case: not enough
    (found,) = find_headings(_lines("\n".join(body)), known_minutes=True)
    assert (found.number, found.title) == ("18", "Scheme of Delegation and Members' Roles")
    # a numbered sentence is still no heading, title block or not
    assert find_headings(_lines("4. The Committee noted the report."), known_minutes=True) == []


ISSUE_PAGE = """Issue - meetings

Library Opening Hours

Meeting: 03/10/2023 - Community Services Committee (Item 7.)

7. Library Opening Hours pdf icon PDF 210 KB

1. The report sets out three options for the opening hours.

2. Members are asked to choose one.

Decision:

That option B be approved, with Saturday opening from April.
"""

REGISTER_PAGE = """Decisions published

14/02/2024 - Bus Shelter Renewal ref: 517    Recommendations Approved

Decision Maker: Transport Committee

Made at meeting: 14/02/2024 - Transport Committee

Decision published: 15/02/2024

Resolved:  That the renewal of forty bus shelters be approved.
"""

DETAILS_PAGE = """Decision details

Motion on Street Lighting

Decision Maker: Council

Decisions:

The following motion was proposed by Councillor Ayres and seconded by Councillor Bright –

"This Council resolves that street lights stay on after midnight in the town centre."

On being put to the vote the motion was LOST.

Date of decision: 09/03/2022

Decided at meeting: 09/03/2022 - Council
"""

VOTING_PAGE = """Voting record

 Full Council, Thursday, 12th October, 2023 6.00 pm

Item: Waste Collection Review

Amendment in the name of Councillor Cole:

Amendment status:Lost

That the review be paused for six months.

Councillor Dana Ellis Against

Motion in the name of Councillor Ford:

Motion status:Carried

That the review's recommendations be adopted.

ForA. Ford, B. Gale and C. Hunt3
AgainstD. Ives and E. Jones2
"""


@pytest.mark.parametrize(
    ("text", "committee", "date", "number", "title", "opening"),
    [
        (
            ISSUE_PAGE,
            "Community Services Committee",
            "2023-10-03",
            "7",
            "Library Opening Hours",
            "Decision:\nThat option B be approved",
        ),
        (
            REGISTER_PAGE,
            "Transport Committee",
            "2024-02-14",
            None,
            "Bus Shelter Renewal",
            "Resolved: That the renewal",
        ),
        (
            DETAILS_PAGE,
            "Council",
            "2022-03-09",
            None,
            "Motion on Street Lighting",
            "The following motion was proposed",
        ),
    ],
)
def test_moderngov_item_pages(
    text: str, committee: str, date: str, number: str | None, title: str, opening: str
) -> None:
    from kb.inspect import inspect_file

    path = REPO / "tests" / "fixtures" / "bodies" / "_page.txt"
    try:
        path.write_text(text, encoding="utf-8")
        found = inspect_file(path)
    finally:
        path.unlink()
    (minute,) = found.minutes
    assert (minute.committee, minute.meeting_date) == (committee, date)
    assert (minute.number, minute.title) == (number, title)
    (decision,) = minute.decisions
    assert decision.text.startswith(opening)
    # the agenda description's numbered paragraphs are neither minutes nor decisions
    assert "three options" not in decision.text


def test_a_moderngov_voting_record() -> None:
    (doc,) = parse_pack([Page(VOTING_PAGE, None, 0)], "votes.txt").documents
    assert (doc.meeting.committee, doc.meeting.date) == ("Full Council", "2023-10-12")
    (minute,) = doc.minutes
    assert minute.title == "Waste Collection Review"
    amendment, motion = minute.decisions
    assert (amendment.kind, amendment.outcome, amendment.mover) == (
        "amendment",
        "lost",
        "Councillor Cole",
    )
    assert amendment.text == "That the review be paused for six months."
    assert amendment.votes is None  # one councillor's vote is not a count
    assert (motion.kind, motion.outcome, motion.mover) == ("motion", "carried", "Councillor Ford")
    assert motion.votes == {"for": 3, "against": 2, "abstain": 0}
    assert motion.voters == {
        "for": ("A. Ford", "B. Gale", "C. Hunt"),
        "against": ("D. Ives", "E. Jones"),
    }


def test_a_field_that_names_the_decision_maker_is_not_a_page_title() -> None:
    text = "Reference Number :-2131\nDate :-2012/01/18\nDecision Maker :-Cabinet\nSubject of Decision :-Car Parks\nDecision :-That the charges be frozen.\n"
    (doc,) = parse_pack([Page(text, None, 0)], "record.txt").documents
    assert [m.title for m in doc.minutes] == ["Car Parks"]


def test_lettered_minute_headings_but_not_lettered_resolution_parts() -> None:
    text = "\n".join(
        [
            "(a)       Appointment of Chairman",
            "",
            "Councillor A.B. Cole was elected Chairman for the hearing.",
            "",
            "(b)       Declarations of Interest",
            "",
            "None were received.",
            "",
            "(c)       Taxi Licence Review",
            "",
            "RESOLVED:",
            "(a) To note the report.",
            "(b) To approve the fees.",
        ]
    )
    found = find_headings(_lines(text), known_minutes=True)
    assert [(h.number, h.title) for h in found] == [
        ("a", "Appointment of Chairman"),
        ("b", "Declarations of Interest"),
        ("c", "Taxi Licence Review"),
    ]


def test_initials_do_not_end_a_sentence() -> None:
    from kb.parse.decisions import find_decisions

    (decision,) = find_decisions(_lines("Councillor J.W. Thomas was elected Chairman for the day."))
    assert decision.text.startswith("Councillor J.W. Thomas")


def test_minute_numbers_with_the_year_fused_on() -> None:
    text = "AM119\n\nNotice of Meeting\n\nAM219\n\nApologies\n\nAM319\n\nStanding Orders\n"
    found = find_headings(_lines(text), known_minutes=True)
    assert [h.number for h in found] == ["AM119", "AM219", "AM319"]


def test_a_moderngov_meeting_page_of_a_meeting_named_without_a_body_word() -> None:
    text = "\n".join(
        [
            "Agenda and minutes",
            "",
            "Annual General Meeting",
            "Monday 18 May 2020 7.00 pm",
            "",
            "No. Item",
            "",
            "AM120",
            "",
            "Election of Mayor",
            "",
            "Minutes:",
            "",
            "Councillor Kerr Moved, Councillor Lyle Seconded and the Council",
            "",
            "Resolved that Councillor Moss be elected Mayor.",
        ]
    )
    (doc,) = parse_pack([Page(text, None, 0)], "agm.txt").documents
    assert (doc.meeting.committee, doc.meeting.date) == ("Annual General Meeting", "2020-05-18")
    (minute,) = doc.minutes
    (decision,) = minute.decisions
    assert (decision.mover, decision.seconder) == ("Councillor Kerr", "Councillor Lyle")


def test_a_unanimous_vote_carries() -> None:
    from kb.parse.decisions import find_decisions

    (decision,) = find_decisions(
        _lines("Council voted upon and unanimously RESOLVED to approve the payments.")
    )
    assert decision.outcome == "carried"


def test_unnumbered_items_set_off_by_blank_lines() -> None:
    text = "\n".join(
        [
            "Agenda and draft minutes",
            "",
            "Licensing Committee - Monday, 3rd March, 2025 10.00 am",
            "",
            "",
            "Apologies for Absence",
            "",
            "There were none.",
            "",
            "",
            "",
            "Minutes pdf icon PDF 90 KB",
            "",
            "To confirm the minutes of the last meeting.",
            "",
            "",
            "RESOLVED that the minutes be confirmed.",
            "",
            "",
            "",
            "Street Trading Policy",
            "",
            "The Committee approved the revised policy.",
        ]
    )
    (doc,) = parse_pack([Page(text, None, 0)], "licensing.txt").documents
    assert (doc.meeting.committee, doc.meeting.date) == ("Licensing Committee", "2025-03-03")
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("", "Apologies for Absence"),
        ("", "Minutes"),
        ("", "Street Trading Policy"),
    ]
    assert [len(m.decisions) for m in doc.minutes] == [0, 1, 1]


def test_two_short_lines_after_gaps_are_not_items() -> None:
    from kb.parse.headings import gap_items

    text = "Opening remarks\n\nThe meeting began.\n\n\nClosing remarks\n\nIt ended.\n"
    assert gap_items(_lines(text)) == []


def test_a_motion_whose_words_follow_its_mover_line() -> None:
    from kb.parse.decisions import find_decisions, strip_formula

    text = (
        "Proposed by Cllr Ann Reid, seconded by Cllr Tom Bell.\n\n\n"
        "That Cllr Ann Reid be elected Chair for the year.\n\nThe Chair thanked members.\n"
    )
    (decision,) = find_decisions(_lines(text))
    assert (decision.mover, decision.seconder) == ("Cllr Ann Reid", "Cllr Tom Bell")
    assert strip_formula(decision.text) == "Cllr Ann Reid be elected Chair for the year."
    # a mover line followed by anything else stays on its own
    (alone, *_) = find_decisions(
        _lines("Proposed by Cllr Ann Reid, seconded by Cllr Tom Bell.\n\nMembers discussed it.\n")
    )
    assert "discussed" not in alone.text


def test_a_minute_numbered_by_a_reference_at_the_end_of_its_heading() -> None:
    text = "\n".join(
        [
            "Minutes of the Ashby Parish Council meeting",
            "Held in the Village Hall on Tuesday 4th March 2025 commencing 7pm.",
            "Those Present: Councillors A Bell (Chair), C Dale",
            "",
            "1. Apologies - Ref 25/031: Councillor E Fox.",
            "",
            "2. Approval of the payment schedule (Ref 25/020) – Ref 25/032:",
            "",
            "Proposed and seconded; 4 for, 1 against.  It was therefore RESOLVED that the schedule be approved.",
            "",
            "3. Grass cutting – Ref 25/033: A vote was taken; all in favour. It was RESOLVED that the quote be accepted.",
        ]
    )
    (doc,) = parse_pack([Page(text, None, 0)], "ashby.txt").documents
    assert [(m.number, m.title, m.agenda_item) for m in doc.minutes] == [
        ("25/031", "Apologies", "1"),
        ("25/032", "Approval of the payment schedule (Ref 25/020)", "2"),
        ("25/033", "Grass cutting", "3"),
    ]
    assert [len(m.decisions) for m in doc.minutes] == [0, 1, 1]
    assert doc.minutes[2].decisions[0].outcome == "carried"


def test_a_list_number_then_the_minute_reference() -> None:
    text = "\n".join(
        [
            "Minutes of the Annual Meeting of Pentre Community Council held on 18 June 2020",
            "Present: Cllrs A Bell, C Dale",
            "1. 19.232 Apologies for Absence: none",
            "2. 19.233 Election of Chairperson 2020/21",
            "Cllr A Bell was duly elected as Chair.",
            "3. 19.234 Finance",
            "RESOLVED that the payments be approved.",
        ]
    )
    (doc,) = parse_pack([Page(text, None, 0)], "pentre.txt").documents
    assert [(m.number, m.agenda_item) for m in doc.minutes] == [
        ("19.232", "1"),
        ("19.233", "2"),
        ("19.234", "3"),
    ]
    assert doc.minutes[1].title.startswith("Election of Chairperson")


def test_at_a_meeting_of_and_a_cross_reference_line_under_a_heading() -> None:
    text = "\n".join(
        [
            "At a meeting of the Fire Authority held at Headquarters on Thursday 12 November 2015 at 10.00 a.m.",
            "Present:",
            "Councillors D Bell and J Chaplow",
            "M/140/2015:-",
            "CONDEMNATION",
            "(REF: M/66;SC/41 )",
            "Councillor Reilly condemned the graffiti.",
            "M/141/2015:-",
            "SYMPATHY",
            "(REF: M/21)",
            "RESOLVED that a letter of sympathy be sent.",
        ]
    )
    (doc,) = parse_pack([Page(text, None, 0)], "fire.txt").documents
    assert (doc.meeting.committee, doc.meeting.date) == ("Fire Authority", "2015-11-12")
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("M/140/2015", "Condemnation"),
        ("M/141/2015", "Sympathy"),
    ]


def _minutes_of(text: str) -> Document:
    pack = parse_pack([Page(text, None, 0)], "minutes.txt")
    return next(d for d in pack.documents if d.doc_type == "minutes")


def test_a_numbered_list_copied_with_bullets_keeps_its_items() -> None:
    text = (
        "Minutes 3rd May 2022\n"
        "Parish Council meeting on Tuesday 3rd May 2022 at 7 p.m.\n"
        "- MEMBERS PRESENT\n"
        "Mr A. Stone (Chairman), Mrs B. Field, Mr C. Marsh\n"
        "- APOLOGIES FOR ABSENCE\n"
        "Mrs D. Lane\n"
        "- MINUTES OF PREVIOUS MEETING\n"
        "The minutes of the meeting held on 5th April 2022 had been circulated.\n"
        "Proposal: Agreement to the minutes was proposed by Mrs Field and seconded by Mr Marsh and was unanimously agreed by the meeting.\n"
        "- Playground inspection\n"
        "The clerk reported on the annual inspection of the playground\n"
        "Proposal: Mr Marsh proposed and Mrs Field seconded repair of the swings and the meeting unanimously agreed.\n"
        "- Any other business\n"
        "None\n"
    )
    minutes = _minutes_of(text)
    assert (minutes.meeting.committee, minutes.meeting.date) == ("Parish Council", "2022-05-03")
    titles = [m.title for m in minutes.minutes]
    assert titles[-3:] == [
        "Minutes of Previous Meeting",
        "Playground inspection",
        "Any other business",
    ]
    (approval,) = minutes.minutes[-3].decisions
    assert approval.outcome == "approved"  # the meeting's own minutes
    (repair,) = minutes.minutes[-2].decisions
    from kb.parse.decisions import strip_formula

    assert strip_formula(repair.text).startswith("repair of the swings")
    assert (repair.mover, repair.seconder, repair.outcome) == ("Mr Marsh", "Mrs Field", "agreed")


def test_points_of_a_list_are_not_headings() -> None:
    from kb.parse.headings import bullet_items

    text = (
        "Members discussed the report and raised:\n"
        "- Storm and Bad Weather Preparedness\n"
        "- Roadworks on the High Street\n"
        "- Amending the definition of emergency street works to allow for better\n"
        "coordination between utilities\n"
        "- Library opening hours\n"
        "RESOLVED that the report be noted.\n"
    )
    assert bullet_items(_lines(text)) == []


def test_a_page_number_above_the_title_is_not_an_item_number() -> None:
    texts = [
        "10",
        "",
        "MINUTES OF THE DALESIDE COMBINED AUTHORITY MEETING HELD ON 31 MAY 2019 AT TOWN HALL",
        "",
        "PRESENT:",
        "Councillor A Brown (In the Chair)",
    ]
    head = next(h for i in range(len(texts)) if (h := find_minutes_head(texts, i)))
    assert (head.meeting.committee, head.meeting.date) == (
        "Daleside Combined Authority",
        "2019-05-31",
    )
    # inside a document, a bare number above 'Minutes of the meeting … held on …' is an item's
    item = [
        "Present: Cllr A Brown",
        "",
        "55.",
        "Minutes of the meeting of the Cabinet held on 3 May 2019",
    ]
    assert find_minutes_head(item, 3) is None


def test_a_meeting_named_by_its_type_opens_the_minutes() -> None:
    texts = [
        "Inaugural Meeting of the Glen Ash Community Council held in the Hall, Glen Ash on Tuesday 25 October 2022",
        "Present: Ann Bell, Tom Reid",
        "1. Election of Convener",
        "It was agreed to appoint Ann Bell as Convener.",
        "2. Next meeting",
    ]
    head = find_minutes_head(texts, 0)
    assert head is not None
    assert (head.meeting.committee, head.meeting.date) == ("Inaugural Meeting", "2022-10-25")
    # the next meeting's notice is not a title
    notice = [
        "The Annual Meeting of the Council will be held on 12 May 2023 at 7pm",
        "Present: A Bell",
    ]
    assert find_minutes_head(notice, 0) is None


def test_a_title_that_says_when_it_was_held_is_not_dated_by_a_later_line() -> None:
    texts = [
        "The Monthly Meeting of the Council was held on Thursday 4th June March 2020 at 6pm",
        "The meeting was held remotely under regulations in force until 30th April 2021.",
        "Present: Mr N. Francis (Chairman)",
        "1. Apologies",
        "2. Minutes",
    ]
    head = find_minutes_head(texts, 0)
    assert head is None or head.meeting.date != "2021-04-30"


def test_a_flattened_meeting_is_split_where_its_minutes_start() -> None:
    from kb.parse.flattened import unflatten

    line = (
        "Page 1 MINUTES OF A MEETING OF THE PARISH COUNCIL HELD ON 4 MAY 2021 PRESENT: Cllr A Bell "
        "Cllr B Cole APOLOGIES: Cllr D Dane 412 Apologies for Absence The apologies of Cllr Dane were "
        "accepted. 413 Minutes of the last meeting RESOLVED: that the minutes of 6 April 2021 be signed. "
        "414 Finance It was resolved to pay £250 to the grass cutting contractor and 2021 invoices of "
        "£1,200 were noted as paid for the year 2020 budget. 415 Date of next meeting The next meeting "
        "will be held on 1 June 2021."
    )
    pieces = unflatten(line)
    assert [p.split()[0] for p in pieces] == [
        "Page",
        "MINUTES",
        "PRESENT:",
        "APOLOGIES:",
        "412",
        "413",
        "414",
        "415",
    ]
    # figures in the text (2021, 2020, £250) are not minute numbers: they make no run
    assert not any(p.startswith(("2021", "2020")) for p in pieces)
    # a line of ordinary length, or a long one with no run of numbers, is left alone
    assert unflatten("412 Apologies for Absence The apologies were accepted.") == [
        "412 Apologies for Absence The apologies were accepted."
    ]
    prose = "The council discussed the 2019 plan and the 2020 budget at length. " * 8
    assert unflatten(prose) == [prose]


@pytest.mark.parametrize(
    ("line", "title", "text"),
    [
        (
            "2715 Apologies for Absence On a PROPOSAL by Cllr Bell it was agreed",
            "Apologies for Absence",
            "On a PROPOSAL",
        ),
        (
            "3. Matters Arising The Clerk reported on the bus shelter",
            "Matters Arising",
            "The Clerk reported",
        ),
        (
            "4. Declarations of Interest Councillor Reid declared an interest",
            "Declarations of Interest",
            "Councillor Reid",
        ),
        ("2. Welcome MB reiterated the welcome to new members", "Welcome", "MB reiterated"),
        ("5. Apologies Apologies were received from Ann Bell", "Apologies", "Apologies were"),
        (
            "09/20 Approval of the accounts for 2019-20 These had been circulated to members",
            "Approval of the accounts for 2019-20",
            "These had been",
        ),
        (
            "1359 MINUTES OF THE LAST MEETING RESOLVED: The minutes were signed",
            "MINUTES OF THE LAST MEETING",
            "RESOLVED:",
        ),
    ],
)
def test_a_title_run_in_to_its_text_without_a_colon(line: str, title: str, text: str) -> None:
    from kb.parse.runin import split_run_in

    heading, body = split_run_in([Line(line, 1)])
    assert heading.text.split(maxsplit=1)[1] == title
    assert body.text.startswith(text)


def test_a_numbered_sentence_is_not_split_as_a_run_in_title() -> None:
    from kb.parse.runin import split_run_in

    line = Line("2. Members noted the report of the Clerk on the bus shelter.", 1)
    assert split_run_in([line]) == [line]
    # a councillor's role is part of the title, not the start of its text
    role = Line("50 District Councillor Report Cllr Smith reported on the new bins.", 1)
    assert split_run_in([role]) == [role]


def test_on_a_proposal_by_and_seconded_by_is_a_formula() -> None:
    from kb.parse.decisions import strip_formula

    text = "On a PROPOSAL by Cllr M Hayes SECONDED by Cllr Carr it was AGREED to accept apologies from Cllr Ray"
    assert strip_formula(text) == "accept apologies from Cllr Ray"


def test_a_year_range_or_a_date_is_not_a_minute_number() -> None:
    assert split_number("2020-21 Budget monitoring") is None
    assert split_number("12/05/2024 - Cabinet").rest.startswith("/2024")  # type: ignore[union-attr]


def test_the_date_printed_above_the_title_dates_the_meeting() -> None:
    texts = [
        "MONDAY 11 SEPTEMBER 2006",
        "At a meeting of COMMUNITY COUNCIL held in the Town Hall Chamber, Town Hall, Skerry",
        "Present Mr R Anderson Mr J MacLeod",
        "06/09/01 Circular",
        "The circular calling the meeting was held as read.",
        "06/09/02 Apologies",
    ]
    head = find_minutes_head(texts, 1)
    assert head is not None
    assert (head.meeting.committee, head.meeting.date) == ("Community Council", "2006-09-11")


def test_attendance_labels_in_other_words() -> None:
    from kb.parse.minutes import PRESENT

    for label in (
        "Council Members present: Cllr A Bell",
        "Present ; Cllrs Drury (Chair)",
        "Present were:",
    ):
        assert PRESENT.match(label), label


def test_minutes_approved_by_one_member_and_seconded_by_another() -> None:
    from kb.parse.votes import movers

    text = "The minutes of the meeting held on 24 July 2006 were approved by Mr P Scarsbrook and seconded by Cllr J Henry."
    assert movers(text) == ("Mr P Scarsbrook", "Cllr J Henry")


def test_a_committee_named_with_its_initials_before_held() -> None:
    texts = [
        "MINUTES of the MEETING of NESS, HOY & FLOTTA COMMUNITY COUNCIL (NHFCC), held in the SCHOOL on TUESDAY 20 SEPTEMBER 2011.",
        "Present: Mr R Tipper, Mr M Hull",
        "1. APOLOGIES",
        "2. MINUTES",
    ]
    head = find_minutes_head(texts, 0)
    assert head is not None
    assert (head.meeting.committee, head.meeting.date) == (
        "Ness, Hoy & Flotta Community Council",
        "2011-09-20",
    )


def test_a_flattened_title_block_is_split_before_its_attendance() -> None:
    from kb.parse.flattened import unflatten

    line = (
        "Ness Community Council Minutes MINUTES of the MEETING of NESS COMMUNITY COUNCIL, held in the"
        " SCHOOL on TUESDAY 20 SEPTEMBER 2011, at 7.30 pm. Present: Mr R Tipper, Mr M Hull, Mr J Dick,"
        " Mr A Firth, Miss I Murray and Mr E Flaws, with the Clerk and two members of the public in attendance"
    )
    assert [p.split()[0] for p in unflatten(line)] == ["Ness", "MINUTES", "Present:"]


@pytest.mark.parametrize(
    ("text", "words", "outcome"),
    [
        (
            "It was proposed by the Chairman, seconded by the Vice-Chairman and RESOLVED:\n"
            "1. THAT the scheme be adopted;\n2. THAT the fees be set.",
            "the scheme be adopted; 2. THAT the fees be set.",
            "agreed",
        ),
        (
            "Following discussion, the Council RESOLVED unanimously there was no objection to this application.",
            "there was no objection to this application.",
            "agreed",
        ),
        (
            "Council agreed that the terms of reference be reviewed next year.",
            "the terms of reference be reviewed next year.",
            "agreed",
        ),
        (
            "The minutes were AGREED without division and it was RESOLVED:\n\nThat the minutes of"
            " 17 July be signed as a correct record.",
            "the minutes of 17 July be signed as a correct record.",
            "approved",
        ),
        (
            "S. Farrow proposed acceptance of the accounts, seconded by C. Cuckson and unanimously agreed.",
            "acceptance of the accounts, seconded by C. Cuckson and unanimously agreed.",
            "agreed",
        ),
        (
            "It was proposed by Cllr Glass and seconded by Cllr Brook and agreed unanimously that"
            " the lowest tender be accepted.",
            "the lowest tender be accepted.",
            "agreed",
        ),
    ],
)
def test_more_formulas_around_a_decision(text: str, words: str, outcome: str) -> None:
    from kb.parse.decisions import find_decisions, strip_formula

    (decision,) = find_decisions(_lines(text))
    assert strip_formula(decision.text) == words
    assert decision.outcome == outcome


def test_a_page_field_is_not_a_committee() -> None:
    from kb.parse.names import meeting_committee

    assert meeting_committee("Venue: Cabinet Room, King George V House, Amersham") is None
    assert meeting_committee("Council Employees Present: RFO, Clerk") is None
    assert meeting_committee("Joint Committee") == "Joint Committee"


def test_a_reference_after_the_titles_colon_numbers_the_minute() -> None:
    text = (
        "Minutes of the Meeting of Ashby Parish Council held on Monday 13 May 2024\n"
        "Present: Cllrs Drury (Chair), Unwin, Jeram\n"
        "1. Chairperson's welcome: 001/24 The Chairman welcomed everyone to the meeting.\n"
        "2. Apologies: 002/24: Cllr Kendrick sent his apology.\n"
        "3. Allotment: 003/24 – Two applications have been received. It was resolved that plot 4 be let to Ann Bell.\n"
        "4. Finance:004/24\n"
        "It was resolved to pay £250 for grass cutting.\n"
    )
    minutes = _minutes_of(text)
    assert [(m.number, m.title) for m in minutes.minutes] == [
        ("001/24", "Chairperson's welcome"),
        ("002/24", "Apologies"),
        ("003/24", "Allotment"),
        ("004/24", "Finance"),
    ]
    assert [m.agenda_item for m in minutes.minutes] == ["1", "2", "3", "4"]
    assert [len(m.decisions) for m in minutes.minutes] == [0, 0, 1, 1]


def test_an_items_number_over_its_first_paragraphs_number() -> None:
    text = (
        "MINUTES OF THE MEETING OF ASHBY PARISH COUNCIL\nHELD ON TUESDAY 19th JULY 2011\n"
        "Present were:\nCllr P Tisdale (Chair), Cllr G Symmons\n"
        "1.\nAPOLOGIES\nApologies were received from Cllr R Nicholls.\n"
        "2.\n2.1\nURGENT ITEMS\nThe Clerk informed the meeting of one urgent item.\n"
        "3.\n3.1.1\nDECLARATIONS OF INTEREST\nCllr Nightingale declared an interest in item 12.\n"
        "4.\nPLANNING\nIt was RESOLVED to support the application.\n"
    )
    minutes = _minutes_of(text)
    assert [(m.number, m.title) for m in minutes.minutes] == [
        ("1", "Apologies"),
        ("2", "Urgent Items"),
        ("3", "Declarations of Interest"),
        ("4", "Planning"),
    ]


def test_a_voting_record_whose_motions_are_their_labels() -> None:
    text = (
        "Voting record\n\n Planning Committee, Tuesday, 1st December, 2020 6.00 pm\n\n"
        "Item: 20/00410/FUL: Erection of four dwellings with access. Full planning consent for"
        " garages and associated landscaping works on land off Mill Lane, Ashby\n\n"
        "Motion to Defer the application for a site visit:\n\nMotion status:Rejected\n\n"
        "ForA Bell, B Cole and C Dane3\nAgainstD Eve, F Gale and G Hall3\nAbstainJ King1\n"
        "Conflict Of InterestsNone0\nCasting voteG Hall1\n\n"
        "Motion to permit the application in accordance with the officer recommendation:\n\n"
        "Motion status:Carried\n\nForD Eve, F Gale, G Hall and J King4\nAgainstA Bell, B Cole and C Dane3\n"
        "Conflict Of InterestsNone0\n"
    )
    minutes = _minutes_of(text)
    (minute,) = minutes.minutes
    assert minute.title == "20/00410/FUL: Erection of four dwellings with access"
    from kb.parse.decisions import strip_formula

    deferral, permission = minute.decisions
    assert strip_formula(deferral.text).startswith("Defer the application for a site visit")
    assert (deferral.outcome, deferral.votes) == ("lost", {"for": 3, "against": 3, "abstain": 1})
    assert strip_formula(permission.text).startswith("permit the application")
    assert permission.outcome == "carried"


def test_running_numbers_that_look_like_years() -> None:
    text = (
        "Minutes of the Meeting held on the 7th January 2019\n\n"
        "Present: R Winter (Chairman), M. Burton, B. Hancock\n\n"
        "1953       Welcome\n\nThe Chairman welcomed the members of the public.\n\n"
        "1954       Public Participation\n\nThere was nothing to report from the public.\n\n"
        "1955       Grass Cutting\n\nIt was agreed the Clerk would ask for quotes.\n"
    )
    minutes = _minutes_of(text)
    assert [(m.number, m.title) for m in minutes.minutes] == [
        ("1953", "Welcome"),
        ("1954", "Public Participation"),
        ("1955", "Grass Cutting"),
    ]
    # years opening lines are not a run of minutes
    from kb.parse.headings import find_headings

    years = _lines("2019 was a busy year.\n2021 Budget review\nThe council met.\n2023 Plans")
    assert find_headings(years) == []


def test_table_bars_around_a_numbered_row_are_not_text() -> None:
    from kb.parse.furniture import clean_markup

    assert clean_markup("1. | All Councillors signed the declarations. |") == (
        "1. All Councillors signed the declarations."
    )
    assert clean_markup("Councillor Keenan |") == "Councillor Keenan"
    assert clean_markup("a | b") == "a | b"  # bars inside a line are left


def test_a_flattened_run_of_numbers_with_and_without_stops() -> None:
    from kb.parse.flattened import unflatten

    line = (
        "Minutes The Dale Council Dale, Thursday 23 November 2017 Present:- The Lord Provost and"
        " Councillors Aldridge, Howie, Arthur, Hutchison, Barrie and Johnston 1 Minutes Decision To"
        " approve the minute of the Council of 26 October 2017 as a correct record. 2. Questions The"
        " questions put by members are in Appendix 1. 3 Leader's Report The Leader presented his report."
    )
    assert [p.split()[0] for p in unflatten(line)] == ["Minutes", "Present:-", "1", "2.", "3"]


def test_approved_minutes_and_a_bulleted_moderngov_title() -> None:
    approved = [
        "Approved Minutes of the Ashby Parish Council Meeting held via Zoom on Tuesday 7th July 2020",
        "Present: Cllrs C. Woodhead (Chairman), R. Stafford",
        "1. Apologies",
        "2. Minutes",
    ]
    head = find_minutes_head(approved, 0)
    assert head is not None and head.meeting.date == "2020-07-07"
    page = [
        "  • Agenda and minutes",
        "    The Council - Thursday, 10th December, 2015 1.00 pm",
        "Venue: Council Offices, Dale. View directions",
        "Items",
        "No. Item",
        "1.",
        "APOLOGIES",
    ]
    head = find_minutes_head(page, 0)
    assert head is not None
    assert (head.meeting.committee, head.meeting.date) == ("The Council", "2015-12-10")


def test_a_motion_agreed_in_its_own_sentence_keeps_its_words() -> None:
    from kb.parse.decisions import find_decisions, strip_formula

    text = (
        "It was proposed and seconded that Councillor Ann Bell be elected chair for the meeting,"
        " and this was agreed.\n\nCouncillor Ann Bell in the Chair\n\nResolved –\n\n"
        "That there should be co-chairs for the Authority.\n"
    )
    chair, co_chairs = find_decisions(_lines(text))
    assert strip_formula(chair.text).startswith("Councillor Ann Bell be elected chair")
    assert chair.outcome == "agreed"
    assert strip_formula(co_chairs.text).startswith("there should be co-chairs")


def test_run_in_titles_of_zero_padded_numbers_and_agenda_wording() -> None:
    from kb.parse.runin import split_run_in

    heading, body = split_run_in(
        [Line("045 Vice-Chair's Remarks: The Vice-Chair thanked everyone.", 1)]
    )
    assert (heading.text, body.text) == (
        "045 Vice-Chair's Remarks",
        "The Vice-Chair thanked everyone.",
    )
    heading, body = split_run_in(
        [
            Line(
                "49 To approve the notes of the last two meetings as minutes: All notes were agreed.",
                1,
            )
        ]
    )
    assert heading.text.endswith("as minutes")
    assert body.text == "All notes were agreed."
    # a plain number with a long mixed-case run-in stays whole (a numbered paragraph)
    para = Line("4 The Clerk reported on the bus shelter repairs: Members asked for quotes.", 1)
    assert split_run_in([para]) == [para]


def test_a_record_of_decision_is_titled_by_its_title_field() -> None:
    # the form's heading names the kind of paper; its 'Title:' field names the decision
    text = (
        "Northmoor City Council\n\nRecord of Decision\n\nDecision Maker: Executive Board\n\n"
        "Date of Decision: 18 October 2023\n\nTitle: Recycling centre opening hours\n\n"
        "Decision Reference: D56789\n\nDecision:\n\n(a) That the revised opening hours be"
        " approved;\n\n(b) That the Director be authorised to implement them.\n\n"
        "Reasons for the decision: to reduce costs.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "notice.txt").documents
    (minute,) = doc.minutes
    assert minute.title == "Recycling centre opening hours"
    assert (doc.meeting.committee, doc.meeting.date) == ("Executive Board", "2023-10-18")
    (decision,) = minute.decisions
    assert decision.text.split("\n")[1].startswith("(a) That the revised opening hours")


def test_a_decision_heading_alone_takes_the_paragraph_below() -> None:
    text = (
        "Eastvale City Council\nMinutes of the Licensing Committee\nMonday, 4 March 2024\n\n"
        "Present: Councillor Grimshaw (Chair)\n\nLC/24/5 Minutes\n\nDecision\n\n"
        "To approve the minutes of the meeting held on 12 February 2024 as a correct record.\n\n"
        "LC/24/6 Exclusion of the Public\n\nDecision\n\nTo exclude the public during the next item.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "city.txt").documents
    assert [m.number for m in doc.minutes] == ["LC/24/5", "LC/24/6"]
    assert [
        (m.decisions[0].outcome, m.decisions[0].text.split("\n")[-1][:20]) for m in doc.minutes
    ] == [
        ("approved", "To approve the minut"),
        ("agreed", "To exclude the publi"),
    ]


def _minutes_of(text: str, name: str = "minutes.txt"):
    (doc,) = parse_pack([Page(text, None, 0)], name).documents
    return doc


def test_a_running_reference_in_brackets_numbers_the_minute() -> None:
    # agenda sections '2.0 … (19/13)': the bracketed running reference is the minute's
    # number, the section's paragraphs '7.1 …', '7.1.1 …' its text; a year is no reference
    doc = _minutes_of(
        "WESTFEN PARISH COUNCIL\n\nNotes of the meeting of the Parish Council Meeting held in"
        " the Village Hall, Wednesday 6 June 2019\n\nPresent: Cllr A Hotchkin (Chairman)\n\n"
        "2.0 Apologies (19/13)\n\nNone.\n\n3.0 Budget (2019/20) (19/14)\n\nCouncil resolved to"
        " accept the minutes of 8 May as being a true reflection of the meeting.\n\n"
        "4.0 Finance (19/15)\n\n4.1 Council resolved to approve the following payments:\n\n"
        "4.1.1 Clerk's Salary £214.70\n\n4.2 Council resolved to accept the Financial"
        " Statement.\n"
    )
    assert doc.meeting.committee == "Parish Council"
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("19/13", "Apologies"),
        ("19/14", "Budget (2019/20)"),
        ("19/15", "Finance"),
    ]
    assert doc.minutes[1].decisions[0].outcome == "approved"  # its own minutes
    finance = doc.minutes[2].decisions
    assert [d.text.split()[0] for d in finance] == ["4.1", "4.2"]  # 4.2 is not 4.1's list


def test_items_numbered_only_by_the_reference_their_titles_end_with() -> None:
    doc = _minutes_of(
        "Minutes of meeting of 22nd March 2019\nMinutes of the meeting of Eastby Parish"
        " Council\nheld on Friday 22nd March 2019 at 7.30pm\nPresent: Councillors J Ames"
        " (Chair), E Clark\n- Apologies for absence and reasons given. Vote to accept."
        " (1819/030)\nApologies were received from Cllr Brown – it was proposed by Cllr Ames,"
        " seconded by Cllr Clark and unanimously resolved to accept reasons for absence.\n"
        "- To confirm and sign the minutes of the meeting held on Jan 25th, 2019 (1819/031)\n"
        "It was resolved to approve them as a true record.\n"
    )
    assert doc.meeting.committee == "Eastby Parish Council"  # not '22nd'
    assert [m.number for m in doc.minutes] == ["1819/030", "1819/031"]
    assert doc.minutes[0].decisions[0].mover == "Cllr Ames"


def test_a_year_and_number_reference_with_agenda_wording_run_in() -> None:
    doc = _minutes_of(
        "Minutes of Northby Parish Council held at 7.30pm on Monday 25th July 2022.\n"
        "Present: Cllr J Robinson (Chair), Cllr Bates\n"
        "2022-107 To agree a minute taker in the absence of the Clerk. RESOLVED to ask Cllr"
        " Bates, who agreed.\n2022-108 Apologies, welcomes and attendance, including"
        " accepting apologies and the reason for absence where given.\nCllr Lacy – RESOLVED"
        " unanimously to accept the apology.\n"
    )
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("2022-107", "To agree a minute taker in the absence of the Clerk"),
        (
            "2022-108",
            "Apologies, welcomes and attendance, including accepting apologies and the"
            " reason for absence where given",
        ),
    ]
    assert doc.minutes[0].decisions[0].text.startswith("RESOLVED to ask Cllr Bates")


def test_short_labels_run_in_to_their_text_on_several_lines() -> None:
    doc = _minutes_of(
        "Parish Council Minutes|\n\nMinutes of the meeting held on Tuesday 1st September 2020"
        " at 7.30pm.\n\nPresent: Cllrs Lamming (Chair), Collins\n\n1.  Apologies for absence:"
        "  Cllr Muir, no reason given.\n\n2.  Declarations of Interest: none noted.\n\n"
        "3.  Planning\n\n3.1 Application 170984 Land at Four Winds.\nIt was agreed to raise no"
        " objection: 5 for, 1 against.\n\n3.2 Application 170522 Chantry Bungalow.\nIt was"
        " agreed to object.\n"
    )
    assert doc.meeting.committee == "Parish Council"  # the page title's bar is no navigation
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("1", "Apologies for absence"),
        ("2", "Declarations of Interest"),
        ("3", "Planning"),
        # a heading with nothing under it but its parts: the parts are minutes
        ("3.1", "Application 170984 Land at Four Winds"),
        ("3.2", "Application 170522 Chantry Bungalow"),
    ]
    assert doc.minutes[3].decisions[0].votes == {"for": 5, "against": 1}


def test_a_title_block_over_blank_lines_with_a_councillors_label() -> None:
    doc = _minutes_of(
        "Minutes\n\nof the Meeting of the\n\nPlanning & Regulatory Committee\n\nWednesday,"
        " 11th May 2016\n\nheld at the Town Hall.\n\nCouncillors:\n\nP  Peter Crew (Chairman)"
        "\n\nP  Jill Iles\n\n1\n\nPublic speaking at Planning Committees\n\nMr Obern addressed"
        " the meeting.\n\n2\n\nApplication 16/P/0462/F\n\nThe Committee agreed to refuse the"
        " application.\n"
    )
    assert (doc.meeting.committee, doc.meeting.date) == (
        "Planning & Regulatory Committee",
        "2016-05-11",
    )
    assert [m.number for m in doc.minutes] == ["1", "2"]


def test_a_web_page_of_two_unnumbered_items_under_its_items_header() -> None:
    doc = _minutes_of(
        "Agenda and minutes\n\nExtraordinary Meeting, Council - Tuesday, 6 June 2023 7.00 pm"
        "\n\nVenue: Council Chamber\n\nNo. Item\n\n\nDisclosures of Interest\n\nTo receive any"
        " disclosures of interest.\n\n\nThere were no disclosures of interest.\n\n\n"
        "Request to Pause the Local Plan pdf icon PDF 373 KB\n\nTo consider the request.\n\n\n"
        "Council considered the motion put forward by Councillor Beecher and seconded by"
        " Councillor Doran:\n\n\n“The Council requests a pause.”\n\n\nFor: Councillors Arnold,"
        " Bateson – 2 votes\n\n\nAgainst: Councillor Attewell – 1 vote\n"
    )
    assert doc.meeting.committee == "Council"  # the body after the meeting's type
    assert [m.title for m in doc.minutes] == [
        "Disclosures of Interest",
        "Request to Pause the Local Plan",
    ]
    (motion,) = doc.minutes[1].decisions
    assert (motion.mover, motion.seconder) == ("Councillor Beecher", "Councillor Doran")
    assert motion.votes == {"for": 2, "against": 1}


@pytest.mark.parametrize(("above", "number"), [("PAR", "PAR 1"), ("ITEM", "1"), ("AGENDA", "1")])
def test_a_prefix_printed_over_a_number_alone(above: str, number: str) -> None:
    doc = _minutes_of(
        "Minutes of the Meeting of the Planning Committee\nWednesday, 11th May 2016\n\n"
        f"Present: Councillor P Crew (Chairman)\n\n{above}\n\n1\n\nPublic speaking\n\n"
        "Mr Obern addressed the meeting.\n"
    )
    assert [m.number for m in doc.minutes] == [number]


def test_a_typed_meeting_named_on_one_line_and_held_on_the_next() -> None:
    doc = _minutes_of(
        "Eastwick with Upton Parish Council Extra Ordinary meeting.\nHeld at the Memorial Hall"
        " at 19:45 on 21st March 2018\nCouncillors S. Grimes, T. Heaford, J Kelly.\n"
        "Item 1 To agree the minutes of the meeting of 8th January 2018\nIt was proposed that"
        " the minutes should be approved as a correct record of the meeting\nProposer T Heaford"
        "\nSeconded by J. Kelly\nAn amendment to Item 7 b) of the minutes was proposed by P."
        " Baxter to include the allotment plans.\nIt was RESOLVED to accept the original"
        " proposal to accept the minutes as a correct record of the meeting.\n"
    )
    assert (doc.meeting.committee, doc.meeting.date) == ("Extra Ordinary meeting", "2018-03-21")
    (minute,) = doc.minutes
    amendment, resolution = minute.decisions
    # the amendment was not put: the original proposal was resolved, so it fell
    assert (amendment.kind, amendment.outcome, amendment.mover) == (
        "amendment",
        "lost",
        "P. Baxter",
    )
    # 'Proposer …' / 'Seconded by …' on lines of their own name who moved the proposal
    assert (resolution.outcome, resolution.mover, resolution.seconder) == (
        "approved",
        "T Heaford",
        "J. Kelly",
    )


def test_a_cover_sheet_naming_its_meeting_above_its_fields() -> None:
    # no 'Report to' field: the body is the line over the fields; 'Portfolio Lead',
    # 'Accountable Employee' are fields of other councils' templates
    text = (
        "EASTSHIRE COMBINED AUTHORITY\n\nCombined Authority Board\n\nDate: 14 March 2024\n\n"
        "Report title: Adult Education Budget 2024/25 Allocations\n\nPortfolio Lead: Councillor"
        " Ian Courts\n\nAccountable Employee: Julia Goldsworthy\n\nRecommendation(s) for action"
        " or decision:\n\nThe Board is recommended to approve the allocations.\n\n1. Purpose\n\n"
        "1.1 This report seeks approval of the 2024/25 allocations of £145.3 million.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "report.txt").documents
    assert doc.doc_type == "report"
    assert doc.title == "Adult Education Budget 2024/25 Allocations"
    assert (doc.meeting.committee, doc.meeting.date) == ("Combined Authority Board", "2024-03-14")


def test_parish_minutes_titled_by_a_few_words_and_a_stop() -> None:
    # '24/33 Minutes. The minutes …': a short title ended by a full stop, the text run on;
    # decisions inside sentences: '… the council resolved to pay £250 …', 'After
    # discussion it was agreed to …', 'Payments of £1,204.50 were approved'
    doc = _minutes_of(
        "UPTON PARVA PARISH COUNCIL\n\nMinutes of the Parish Council Meeting held on Tuesday"
        " 12th March 2024 at 7.30pm in the Village Hall\n\nPresent: Cllrs J Smith (Chair), P"
        " Brown, K Green\n\n24/31 Apologies. Cllr Black – accepted.\n\n24/33 Minutes. The"
        " minutes of the meeting of 13th February were approved and signed.\n\n24/34 Grass"
        " cutting. Three quotes were considered and the council resolved to pay £250 per cut"
        " to Green Spaces Ltd. Proposed Cllr Brown, seconded Cllr Green, all in favour.\n\n"
        "24/35 Finance. Payments of £1,204.50 were approved (list attached).\n\n"
        "24/36 Defibrillator. After discussion it was agreed to apply for a grant of £500.\n"
    )
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("24/31", "Apologies"),
        ("24/33", "Minutes"),
        ("24/34", "Grass cutting"),
        ("24/35", "Finance"),
        ("24/36", "Defibrillator"),
    ]
    found = {m.number: m.decisions for m in doc.minutes}
    assert found["24/33"][0].outcome == "approved"
    (pay,) = found["24/34"]
    assert (pay.outcome, pay.mover, pay.seconder) == ("carried", "Cllr Brown", "Cllr Green")
    assert "resolved to pay £250" in pay.text
    assert found["24/35"][0].outcome == "approved"
    assert found["24/36"][0].text.startswith("After discussion it was agreed to apply")


def test_numbers_glued_to_titles_in_capitals_and_a_dated_body_line() -> None:
    doc = _minutes_of(
        "Northfen Fire Authority24 June 2011\nRepresenting Eastby Council:\nCouncillors Chapman,"
        " Hudson, Ibson and Moore\nApologies for absence were received from Councillor Engall.\n"
        "3563DECLARATIONS OF INTEREST - No declarations were made in connection with any item.\n"
        "3564MINUTES – Resolved – That the minutes of the meeting held on 19 April 2011 be"
        " signed as a correct record.\n3565 PETITIONS AND DEPUTATIONS - None had been received.\n"
    )
    assert (doc.meeting.committee, doc.meeting.date) == ("Northfen Fire Authority", "2011-06-24")
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("3563", "Declarations of Interest"),
        ("3564", "Minutes"),
        ("3565", "Petitions and Deputations"),
    ]
    assert doc.minutes[1].decisions[0].outcome == "approved"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("1. APOLOGIES FOR ABSENCE. There were none.", "APOLOGIES FOR ABSENCE"),
        (
            "6. MINUTES OF MEETING, March 16th 2021. It was proposed by Cllr A.",
            "MINUTES OF MEETING, March 16th 2021",
        ),
        (
            "155/15 16/00619/F – LAND AT HORN HILL – The Chairman asked for views.",
            "16/00619/F – LAND AT HORN HILL",
        ),
    ],
)
def test_titles_in_capitals_run_in_after_a_stop_or_a_dash(line: str, title: str) -> None:
    from kb.parse.runin import split_run_in

    head, _body = (ln.text for ln in split_run_in([Line(line, 1)]))
    assert head.split(maxsplit=1)[1] == title


@pytest.mark.parametrize(
    "line",
    [
        "4. SEND INSPECTION - STATEMENT OF ACTION",  # a title with a dash in it
        "2. ADOPTION OF MINUTES – 21 JUNE 2011",
    ],
)
def test_titles_in_capitals_with_a_dash_are_kept_whole(line: str) -> None:
    from kb.parse.runin import split_run_in

    assert [ln.text for ln in split_run_in([Line(line, 1)])] == [line]


def test_a_list_whose_every_number_is_one() -> None:
    # a numbered list copied with its numbers reset: items in order, numbered as printed;
    # 'Minutes for <body> meeting <date>' is a title block
    doc = _minutes_of(
        "Minutes for Parish Council meeting 12th April 2021\n\nPresent: Councillors – Keith"
        " Austin (Chair), Joyce Austin\n\n  1. Apologies: Cllr Warner (work commitments)\n\n"
        "  1. Councillor changes: Cllr Bradley - resignation.  Council resolved to co-opt Mr"
        " Barber.\n\n  1. Woodland Management Plan - Lea Park\n\nCouncil agreed to plant two"
        " trees.\n"
    )
    assert (doc.meeting.committee, doc.meeting.date) == ("Parish Council", "2021-04-12")
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("1", "Apologies"),
        ("1", "Councillor changes"),
        ("1", "Woodland Management Plan - Lea Park"),
    ]
    assert [len(m.decisions) for m in doc.minutes] == [0, 1, 1]


def test_a_meeting_page_copied_without_its_title() -> None:
    # the page's meeting line opens the file; its items are set off by blank lines, titled
    # in agenda wording; '18 For' is a count, not a minute
    doc = _minutes_of(
        "Extraordinary meeting, Council - Thursday, 16th March, 2023 6.30 pm\n\n"
        "Apologies for absence\n\n\nApologies were received from Councillor Graham.\n\n\n\n"
        "Recommendations of the Grants Working Party held on 2 March 2023\n\nIt was moved by"
        " Councillor Keal and seconded by Councillor Cleary that the recommendations be"
        " accepted.\n\n\nUpon being put to the vote the motion was carried.\n\n18 For\n\n"
        "1 Against\n\n\n\nAnnual Governance Statement 2022/23\n\nIt was moved by Councillor"
        " Keal and seconded by Councillor Goodrick that the statement be approved.\n\n\n"
        "Upon being put to the vote the motion was carried.\n"
    )
    assert (doc.meeting.committee, doc.meeting.date) == ("Council", "2023-03-16")
    assert [m.title for m in doc.minutes][-2:] == [
        "Recommendations of the Grants Working Party held on 2 March 2023",
        "Annual Governance Statement 2022/23",
    ]
    assert all(m.decisions[0].outcome == "carried" for m in doc.minutes[-2:])


def test_one_item_whose_number_is_printed_alone_over_long_agenda_wording() -> None:
    doc = _minutes_of(
        "Agenda and minutes\n\nFull Council - Wednesday, 22 February 2023 10.30 am\n\n"
        "Items\nNo. Item\n\n75.\n\nTo elect a Chairman of the County Council to serve until the"
        " May 2023 Annual General Meeting\n\nMinutes:\n\nIt was moved and seconded that County"
        " Councillor David Ireton be elected Chairman.\n\nThe vote was taken and the motion was"
        " declared carried with 87 for, none against and no abstentions.\n"
    )
    (minute,) = doc.minutes
    assert minute.number == "75"
    assert minute.decisions[-1].outcome == "carried"
    assert minute.decisions[-1].votes == {"for": 87, "against": 0, "abstain": 0}


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        (
            "25/21   Election of Chairman and Vice Chairman – Council resolved to postpone this.",
            [
                "25/21   Election of Chairman and Vice Chairman",
                "Council resolved to postpone this.",
            ],
        ),
        (
            "2022-110 Allotments Task & Finish Group – Chair: Cllr B Robinson.",
            ["2022-110 Allotments Task & Finish Group", "Chair: Cllr B Robinson."],
        ),
    ],
)
def test_a_running_reference_title_run_in_after_a_dash(line: str, parts: list[str]) -> None:
    from kb.parse.runin import split_run_in

    assert [ln.text for ln in split_run_in([Line(line, 1)])] == parts


def test_a_notice_whose_every_item_restarts_its_letters() -> None:
    doc = _minutes_of(
        "NORTHBY CITY COUNCIL\n\nNOTICE OF DECISIONS TAKEN BY THE CABINET ON 9 JULY 2024\n\n"
        "(a) Subject: Medium Term Financial Plan 2025-2030 (agenda item 6)\n\n(b) Decision"
        " taken:\n\n1. To approve the Medium Term Financial Plan.\n2. To note the savings"
        " targets.\n\n(c) Reasons for the decision: to set a balanced budget.\n\n"
        "(a) Subject: Library Service Review (agenda item 7)\n\n(b) Decision taken:\n\n"
        "To defer the decision to the September meeting.\n\n(c) Reasons for the decision:"
        " more responses were needed.\n"
    )
    assert (doc.meeting.committee, doc.meeting.date) == ("Cabinet", "2024-07-09")
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("6", "Medium Term Financial Plan 2025-2030"),
        ("7", "Library Service Review"),
    ]
    first, second = (m.decisions[0] for m in doc.minutes)
    assert (
        first.outcome == "approved" and "Reasons" not in first.text
    )  # the form's next field ends it
    assert second.outcome == "deferred"


def test_parish_items_with_their_outcome_after_a_dash() -> None:
    # 'Minutes for an Extra-ordinary meeting of the Council on …' titles the minutes; items
    # run in after a dash where two lines or more are so printed, the text saying something
    # ('– Cllr Cannon', '– add …', '– Agreed'); a decision's outcome after a dash
    doc = _minutes_of(
        "Minutes for an Extra-ordinary meeting of the Council on Tuesday 20th August 2019 at"
        " 7.15pm at the Parish Office\n\nPresent: Chairman: Cllr Mrs Prior Councillors: Mrs"
        " Bolton, Mr Dipple\n\n1. Welcome\n\n2. Apologies for Absence – Cllr Cannon\n\n"
        "3. Confirmation of the order of the Agenda – add new item Grounds maintenance – agreed"
        "\n\n4. Confirmation of the minutes of the Council Meeting on 6th August 2019 – Agreed\n"
    )
    assert (doc.meeting.committee, doc.meeting.date) == ("Council", "2019-08-20")
    assert [m.title for m in doc.minutes] == [
        "Welcome",
        "Apologies for Absence",
        "Confirmation of the order of the Agenda",
        "Confirmation of the minutes of the Council Meeting on 6th August 2019",
    ]
    assert [d.outcome for m in doc.minutes for d in m.decisions] == ["agreed", "approved"]


def test_a_title_with_a_dash_in_it_is_kept_whole() -> None:
    doc = _minutes_of(
        "Minutes of the Cabinet held on 4 June 2024\n\nPresent: Councillor A (Chair)\n\n"
        "16. Town Centre Masterplan – Consultation Draft\n\nRESOLVED: That the draft be"
        " approved.\n\n17. Notice of Motion – Local Bus Services\n\nRESOLVED: That the motion be"
        " noted.\n"
    )
    assert [m.title for m in doc.minutes] == [
        "Town Centre Masterplan – Consultation Draft",
        "Notice of Motion – Local Bus Services",
    ]


def test_a_page_title_over_the_minutes_own_title_with_a_short_date() -> None:
    doc = _minutes_of(
        "Minutes - 20 July 2021\n\nMinutes of Northby Parish Council Extraordinary Meeting"
        " 22/07/21 7pm Hare & Hounds, Northby\n\n20. Apologies : None\n\n21. Present : Cllr E"
        " Stubbs, Cllr R Thorne\n\n22. Declarations of interest: None\n\n23. Accounts:\n\n"
        "23.1 HMRC paye due. Approved\n\n23.2 Chalc membership. Approved\n"
    )
    assert (doc.meeting.committee, doc.meeting.date) == ("Extraordinary Meeting", "2021-07-22")
    # 'Approved' closing a line is the outcome of what it follows, not a heading over the next
    found = [d.text for m in doc.minutes for d in m.decisions]
    assert found == ["Approved", "Approved"]


def test_breadcrumbs_and_a_venue_between_the_name_and_the_date() -> None:
    doc = _minutes_of(
        "EASTGLEN COMMUNITY COUNCIL\nANNUAL GENERAL MEETING\nFARR COMMUNITY HALL\nMONDAY 23"
        " JUNE 2014\n7.30pm\nSCC Members Present: Isobel McQueer, Donald Henderson\n"
        "- Approval of minutes of AGM 17 June 2013\nProposed: James MacPherson\nSeconded: John"
        " Murray\n- Chairperson’s Annual Report\nReport appended.\n- Financial Statement\n"
        "Closing balance: £2890.26.\n"
    )
    assert (doc.meeting.committee, doc.meeting.date) == ("Annual General Meeting", "2014-06-23")
    from kb.parse.names import meeting_committee

    assert meeting_committee("Home / Meetings / Parish Council") == "Parish Council"


@pytest.mark.parametrize(
    ("line", "number", "rest"),
    [
        ("1-0607/8 - Welcome and Apologies.", "1-0607/8", "Welcome and Apologies."),
        ("14365 CHAIRMAN’S ANNOUNCEMENTS", "14365", "CHAIRMAN’S ANNOUNCEMENTS"),
    ],
)
def test_running_numbers_with_the_council_year_or_five_digits(
    line: str, number: str, rest: str
) -> None:
    found = split_number(line)
    assert found is not None and (found.number, found.rest) == (number, rest)
    assert split_number("12345 people attended the fair") is None  # not over a title in capitals


@pytest.mark.parametrize(
    ("text", "committee", "date"),
    [
        (
            "Minutes from the Eastwick Community Council meeting held at 6.30pm on Monday 20th"
            " March 2017 at the Village Hall\n\nCllr John Hurst Chair\n\n16/137 Apologies of"
            " absence\n\nNone had been received\n\n16/138 Declarations of interest\n\nNone.\n",
            "Eastwick Community Council",
            "2017-03-20",
        ),
        (
            "COMMUNITY COUNCIL\n\nA meeting of the Community Council was held Tuesday night"
            " February the 6th 2018 at 7.30pm in the Community Centre.\n\n1. Welcome and"
            " Apologies:\n\nPresent Elen Edwards, Diane Roberts\n\n2. Minutes\n\nThe minutes were"
            " approved as a correct record.\n",
            "Community Council",
            "2018-02-06",
        ),
        (
            "Minutes of a Meeting of the Council held at the Village Hall on Wednesday, 28 March"
            " 2007\n\nCouncillors D Risk (Chairman) (DR), P Summers (PS), C McArthur (CM)\n\n"
            "1-0607/8 - Welcome and Apologies.\n\nThe Chairman welcomed Councillors.\n\n"
            "2-0607/8 - Declarations of Interest\n\nThere were no declarations of interest.\n",
            "Council",
            "2007-03-28",
        ),
        (
            "Agenda for Council on Wednesday, 27th January, 2021, 6.00 pm\n\nAgenda and minutes"
            "\n\nVenue: Microsoft Teams\n\nItems\nNo. Item\n\n66.\n\nApologies for absence\n\n"
            "Minutes:\n\nNone.\n\n67.\n\nDeclarations of Interest\n\nMinutes:\n\nNone.\n",
            "Council",
            "2021-01-27",
        ),
    ],
)
def test_title_blocks_of_more_forms(text: str, committee: str, date: str) -> None:
    docs = parse_pack([Page(text, None, 0)], "minutes.txt").documents
    (doc,) = [d for d in docs if d.doc_type == "minutes"]
    assert (doc.meeting.committee, doc.meeting.date) == (committee, date)
    assert len(doc.minutes) >= 2


@pytest.mark.parametrize(
    ("numbers", "separator"),
    [
        (("21/22-045", "21/22-046", "21/22-047"), " "),  # the council year, then the item
        (("24-25/012", "24-25/013", "24-25/014"), " "),
        (("012/24-25", "013/24-25", "014/24-25"), " "),  # the item, then the council year
        (("2020-05_1", "2020-05_2", "2020-05_3"), " "),  # the meeting's month, then the item
        (("M45", "M46", "M47"), ". "),  # one letter before the number
        (("C.123", "C.124", "C.125"), " "),
        (("CAB 45", "CAB 46", "CAB 47"), " "),  # a short prefix in capitals, then a space
        (("11-06-1", "11-06-2", "11-06-3"), " "),  # the council year, the month, the item
    ],
)
def test_running_references_of_more_forms(numbers: tuple[str, ...], separator: str) -> None:
    titles = ("Apologies for Absence", "Declarations of Interest", "Minutes of the Last Meeting")
    body = "".join(
        f"{n}{separator}{t}\n\nThe Clerk reported on this item.\n\n"
        for n, t in zip(numbers, titles, strict=True)
    )
    text = "Minutes of the meeting of Eastwick Parish Council held on 12 May 2020\n\n" + body
    docs = parse_pack([Page(text, None, 0)], "minutes.txt").documents
    (doc,) = [d for d in docs if d.doc_type == "minutes"]
    assert [(m.number, m.title) for m in doc.minutes] == list(zip(numbers, titles, strict=True))


def test_two_years_that_do_not_follow_are_no_council_year() -> None:
    found = split_number("21/23-045 Apologies")
    assert found is not None and found.number == "21/23"  # a '21/23' reference, not a year
    assert split_number("A1 road works were discussed") is None  # over no capital


def test_a_flattened_run_may_skip_a_number() -> None:
    from kb.parse.flattened import unflatten

    line = (
        "DRAFT Minutes of the Parish Council Meeting Wednesday 18 May 2016 Main Hall. Present: "
        "Councillors: Diana Penwill; David Allen 5. MINUTES OF THE MEETING HELD ON 20 th APRIL 2016 "
        "The minutes had been circulated prior to the meeting and were accepted as an accurate "
        "record. 6. MINUTES OF THE ANNUAL PARISH MEETING The minutes were accepted. 8. REPORTS BY "
        "DISTRICT AND COUNTY COUNCILLORS This item was brought forward and the meeting adjourned."
    )
    assert [p.split()[0] for p in unflatten(line)] == ["DRAFT", "Present:", "5.", "6.", "8."]


def test_a_bare_number_over_a_title_with_attendance_under_it_is_a_page_number() -> None:
    text = (
        "west parley parish council · web view\n\n4\n"
        "DRAFT Minutes of the Parish Council Meeting Wednesday 18 th May 2016 Main Hall, Church Lane.\n"
        "Present: Councillors: Diana Penwill; David Allen\n"
        "1. APOLOGIES FOR ABSENCE Cllr Jonathan Heath; County Cllr Smith\n"
        "2. DECLARATIONS OF PECUNIARY INTEREST None.\n"
        "3. MINUTES OF THE MEETING HELD ON 20 th APRIL 2016 The minutes were accepted as a record.\n"
    )
    docs = parse_pack([Page(text, None, 0)], "minutes.txt").documents
    (doc,) = [d for d in docs if d.doc_type == "minutes"]
    assert (doc.meeting.committee, doc.meeting.date) == ("Parish Council", "2016-05-18")
    # a title in capitals with its text run on in ordinary case, nothing between
    assert [(m.number, m.title.lower()) for m in doc.minutes] == [
        ("1", "apologies for absence"),
        ("2", "declarations of pecuniary interest"),
        ("3", "minutes of the meeting held on 20 th april 2016"),
    ]
    # an item's title under its number, followed by its text, is still no title block
    item = "Agenda\n\n55.\n\nMinutes of the meeting of the Board held on 1 May 2016\n\nThe minutes were agreed.\n"
    assert not [d for d in parse_pack([Page(item, None, 0)], "a.txt").documents if d.minutes]


def test_capitals_then_a_capitalised_word_stay_one_title_when_short() -> None:
    from kb.parse.numbering import split_number as number
    from kb.parse.runin import _run_in

    assert _run_in(number("7. CIL Update on receipts")) is None  # one word in capitals


def test_a_decision_page_with_its_title_lost_keeps_its_decision() -> None:
    text = (
        "Decision Maker: Executive Cabinet\nDecision status: Recommendations Approved\n"
        "Is Key decision?: Yes\n1. That the Executive Cabinet agree the proposal involving a "
        "clean air strategy and formal consultation.\n2. That the Executive Member be given "
        "delegated responsibility for approving the final proposal.\nReport author: Zoe Whiteside\n"
        "Publication date: 26/02/2021\nDate of decision: 25/02/2021\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "decision.txt").documents
    assert (doc.meeting.committee, doc.meeting.date) == ("Executive Cabinet", "2021-02-25")
    (item,) = doc.minutes
    assert item.number == "" and item.title.startswith("That the Executive Cabinet agree")
    assert item.decisions and item.decisions[0].outcome == "agreed"


def test_a_meeting_page_with_the_committee_over_its_date_and_times() -> None:
    text = (
        "Meeting Details\n\nCouncil\n21 Feb 2018 - 18:00 to 21:00\nOccurred\n\nDocuments\n\n"
        "Agenda\n\nPart A\n1 Welcome and Announcements (Council)\nThe Mayor will welcome members.\n"
        "2 Have Your Say! (Council)\nThe Mayor will invite members of the public to speak.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "meeting.txt").documents
    assert (doc.meeting.committee, doc.meeting.date) == ("Council", "2018-02-21")


def test_short_titles_ended_by_a_stop_where_the_document_prints_them_so() -> None:
    text = (
        "Extraordinary Meeting of Withiel Parish Council\n"
        "Draft Minutes of the meeting held in the Village Hall\nThursday, 18th July 2013\n"
        "Present: Cllr Coy, Cllr Harper, Cllr Thomas (Chairman)\n"
        "1. Members’ declarations of interest. None.\n"
        "2. Apologies for absence and requests for dispensations. None\n"
        "3. Invitation to members of the public to address the meeting. There being no members"
        " of the public present, this was taken as read.\n"
    )
    docs = parse_pack([Page(text, None, 0)], "minutes.txt").documents
    (doc,) = [d for d in docs if d.doc_type == "minutes"]
    # the typed meeting of a local council printed above the title is the meeting's name
    assert (doc.meeting.committee, doc.meeting.date) == ("Extraordinary Meeting", "2013-07-18")
    assert [m.title for m in doc.minutes] == [
        "Members' declarations of interest",
        "Apologies for absence and requests for dispensations",
        "Invitation to members of the public to address the meeting",
    ]
    # one such line alone is a numbered paragraph, left whole
    alone = text.replace("1. Members’ declarations of interest. None.", "1. Declarations")
    alone = alone.replace("dispensations. None", "dispensations")
    docs = parse_pack([Page(alone, None, 0)], "minutes.txt").documents
    (doc,) = [d for d in docs if d.doc_type == "minutes"]
    titles = [m.title for m in doc.minutes]
    assert "Invitation to members of the public to address the meeting" not in titles


def test_an_extra_meeting_and_a_title_set_off_by_an_ellipsis() -> None:
    text = (
        "Minutes of the extra Meeting of Marshchapel Parish Council held in the Village Hall on"
        " Monday 25th April, 2016 at 7.30 pm\n\nPresent: Cllrs. P Rickett (Chair), C. Henderson\n\n"
        "1. Apologies for absence were received from Jonathan Lester.\n\n"
        "2. Declarations of interest & written requests for dispensation … There were none.\n\n"
        "3. Date for next meeting\nIt was RESOLVED that meetings would be held monthly.\n"
    )
    docs = parse_pack([Page(text, None, 0)], "minutes.txt").documents
    (doc,) = [d for d in docs if d.doc_type == "minutes"]
    assert doc.meeting.committee == "Extra Meeting"
    titles = {m.number: m.title for m in doc.minutes}
    assert titles["2"] == "Declarations of interest & written requests for dispensation"


def test_a_list_under_a_sentence_ending_in_a_colon_is_no_item_title() -> None:
    from kb.parse.headings import gap_items

    text = (
        "Minutes\n\n\nAppointment of Chairman\n\nRESOLVED – That Mr Sweeney be appointed.\n\n"
        "The Chairman referred to the recent appointment to the Panel of:\n\n\n"
        "Cllr Lesley Adams – Stoke on Trent City Council\n\nCllr Alan Pearson – Cannock Chase\n\n\n"
        "Appointment of Vice-Chairman\n\nRESOLVED – That Mr Darby be appointed.\n\n\n"
        "Declarations of interest\n\nThere were none.\n"
    )
    found = gap_items([Line(t, 1) for t in text.split("\n")])
    assert [h.title for h in found] == [
        "Appointment of Chairman",
        "Appointment of Vice-Chairman",
        "Declarations of interest",
    ]


def test_a_scottish_councils_place_and_date_and_titles_over_their_numbers() -> None:
    text = (
        "Glasgow, 8th December 2016.\n\nGlasgow City Council.\n\n"
        "Present: The Lord Provost, Sadie Docherty (Chair).\n\n"
        "Apologies: Elizabeth Cameron, Margot Clark.\n\n"
        "Emergency motion dealt with.\n\n"
        "2 The Director of Governance intimated that an emergency motion had been delivered to"
        " the Chief Executive prior to the meeting.\n\n"
        "The Lord Provost having agreed that the motion was urgent, the House agreed to deal with"
        " it at this meeting.\n\n"
        "Minutes approved.\n\n"
        "3 The minutes of the Council meeting of 27th October 2016 were submitted and approved.\n\n"
        "Minutes of committees submitted and approved.\n\n"
        "4 The minutes of the undernoted committees were submitted and approved:-\n"
    )
    docs = parse_pack([Page(text, None, 0)], "minutes.txt").documents
    # one set of minutes: 'Minutes of committees submitted …' is a minute's title, not a new one
    (doc,) = docs
    assert (doc.meeting.committee, doc.meeting.date) == ("Glasgow City Council", "2016-12-08")
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("2", "Emergency motion dealt with"),
        ("3", "Minutes approved"),
        ("4", "Minutes of committees submitted and approved"),
    ]
    assert [d.outcome for d in doc.minutes[0].decisions] == ["agreed"]  # the House agreed to


def test_one_title_over_a_numbered_paragraph_is_left_alone() -> None:
    from kb.parse.minutes import _titles_over_numbers

    text = "Budget monitoring\n\n1 The report set out the position at the end of the year and was noted.\n"
    lines = [Line(t, 1) for t in text.split("\n")]
    assert _titles_over_numbers(lines) == lines


def test_a_title_without_the_year_and_attendance_one_councillor_a_line() -> None:
    text = (
        "Minutes 8th May 2017\n\n"
        "Minutes of the Parish Council Meeting held on 8th May at 7.00pm in the Village Hall\n\n"
        "Cllr Vaughan (Chairman)\nCllr Wiles\nCllr Chapman\nCllr Mrs Ruth\n\n"
        "There were 18 members of the public present.\n\n"
        "Annual General Meeting\nAt this point the Chairman stood down and the proceedings were"
        " carried out by the Clerk.\n\n"
        "Planning Meeting\n2/2017/0557/House Haddon Lea, Sackmore Lane – Erect 1 no first floor"
        " extension.\n\nResolved No Objection.\n\n2/2017/0554/FUL Guy’s Garage – Erect 3 no"
        " dwellings.\n\nResolved: No Objection.\n"
    )
    docs = parse_pack([Page(text, None, 0)], "minutes.txt").documents
    (doc,) = [d for d in docs if d.doc_type == "minutes"]
    # the year from the page's title above, for the same day and month
    assert (doc.meeting.committee, doc.meeting.date) == ("Parish Council", "2017-05-08")
    # items set off only by a short title in capitals, a blank line above, the text under it
    assert [m.title for m in doc.minutes] == ["Annual General Meeting", "Planning Meeting"]
    # 'No Objection' said under each application is a decision each time
    planning = doc.minutes[1]
    from kb.parse.decisions import strip_formula

    assert [strip_formula(d.text) for d in planning.decisions] == ["No Objection."] * 2


def test_web_page_item_titles_closed_by_a_full_stop() -> None:
    from kb.parse.headings import gap_items

    text = (
        "Venue: County Hall\n\n\nElection of Vice-Chairman.\n\n\nIt was proposed by Mr. White and"
        " seconded by Mr. Rhodes that Cllr. T. Pendleton be elected Vice-Chairman.\n\n\n"
        "Mr. Orson in the Chair\n\n\nUrgent items.\n\n\nThere were none.\n\n\n"
        "Proposed by Cllr Steve Robinson, seconded by Patricia Miller.\n\n\n"
        "Declarations of interest.\n\n\nThere were no declarations of interest.\n"
    )
    found = gap_items([Line(t, 1) for t in text.split("\n")], least=1)
    assert [h.title for h in found] == [
        "Election of Vice-Chairman",
        "Urgent items",
        "Declarations of interest",
    ]


def test_a_meeting_named_without_a_body_keeps_the_word_meeting() -> None:
    text = (
        "Minutes of the Planning Meeting held on Wednesday 21st November 2018 at 7.30pm\n\n"
        "Present: Michael Ash (Chairman), Ann Norman\n\n1. Apologies: Susan Norrish\n\n"
        "2. Declarations of Interest: None\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "m.txt").documents if d.minutes]
    assert (doc.meeting.committee, doc.meeting.date) == ("Planning Meeting", "2018-11-21")


def test_an_items_words_about_the_minutes_of_other_meetings_are_no_title_block() -> None:
    text = (
        "County Council - Wednesday, 6th July, 2022 3.00 pm\n\nItems\nNo. Item\n\n1.\n\n"
        "APOLOGIES FOR ABSENCE\n\nMinutes:\n\nApologies were received.\n\n2.\n\nMINUTES\n\n"
        "Minutes of the following meetings of County Council, as circulated, to be confirmed:-\n\n"
        "(1) Wednesday 4 May 2022 (annual meeting)\n\nMinutes:\n\nRESOLVED that the minutes be"
        " signed.\n\n3.\n\nDISCLOSURES OF MEMBERS INTERESTS\n\nMinutes:\n\nNone.\n"
    )
    docs = [d for d in parse_pack([Page(text, None, 0)], "page.txt").documents if d.minutes]
    assert [d.meeting.date for d in docs] == ["2022-07-06"]
    assert [m.number for m in docs[0].minutes] == ["1", "2", "3"]


def test_the_one_number_missing_from_a_run_is_put_back() -> None:
    text = (
        "Minutes of the meeting of the Council\nOn Monday 9th October 2017\n\n"
        "Present: Chairman Cllr M Gough; Cllr P Crumpton.\n\n"
        "1. Apologies for absence: None.\n\n2. Declarations of interest and dispensation requests: None\n\n"
        "3. Co-options: Barry Clark was co-opted as a Councillor.\n\n"
        "4. Minutes of the Parish Council meeting on 14th August 2017 and Parish Council meeting &"
        " Parish meeting on 11th September 2017. It was RESOLVED to agree and sign the minutes of"
        " these meetings as a true and accurate record.\n\n5. Public Submissions\n\nNone were made.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "m.txt").documents if d.minutes]
    assert [m.number for m in doc.minutes] == ["1", "2", "3", "4", "5"]
    assert doc.minutes[3].title.startswith("Minutes of the Parish Council meeting on 14th August")
    assert doc.minutes[3].decisions and doc.minutes[3].decisions[0].outcome == "approved"


REPORT_BODY = (
    "\n\n1. Purpose of the report\n\n1.1 This report sets out the transport capital programme"
    " for 2024/25.\n\n2. Recommendations\n\n2.1 That the Board approves the programme.\n"
)


@pytest.mark.parametrize(
    ("cover", "committee"),
    [
        (
            "To: Audit and Governance Committee\nOn: 12 March 2024\nReport by: Head of Finance\nSubject: Capital Programme",
            "Audit and Governance Committee",
        ),
        (
            "Name of meeting: Policy Committee\nDate of meeting: 12 March 2024\nTitle of report: Capital Programme",
            "Policy Committee",
        ),
        (
            "Board: Health and Wellbeing Board\nMeeting date: 12th March 2024\nReport: Capital Programme",
            "Health and Wellbeing Board",
        ),
        (
            "Report for: Cabinet\nDate of Meeting: 12 March 2024\nPart: 1\nTitle of Report: Capital Programme",
            "Cabinet",
        ),
        # no labels: the body, the date and the title over 'Report of …'
        (
            "Mid Pennine Combined Authority\nTransport Committee\n12 March 2024\nCapital Programme\nReport of the Director of Transport",
            "Transport Committee",
        ),
    ],
)
def test_report_covers_in_more_vocabularies(cover: str, committee: str) -> None:
    (doc,) = parse_pack([Page(cover + REPORT_BODY, None, 0)], "report.pdf").documents
    assert doc.doc_type == "report"
    assert (doc.meeting.committee, doc.meeting.date) == (committee, "2024-03-12")
    assert doc.title == "Capital Programme"


def test_an_agenda_with_report_of_lines_under_its_items_stays_an_agenda() -> None:
    text = (
        "AGENDA\n\nCABINET\n\nThursday, 30th January, 2025, at 10.00 am\n\n1. Apologies\n\n"
        "2. Capital Programme\nReport of the Director of Finance\n\n3. Budget\n"
    )
    assert parse_pack([Page(text, None, 0)], "agenda.pdf").documents[0].doc_type == "agenda"


def test_a_decision_notice_of_a_named_body() -> None:
    text = (
        "DECISION NOTICE\n\nDecision of: Cabinet\nDate: 12 March 2024\n\n1. Capital Programme\n"
        "Decision: That the programme be approved.\nReasons for decision: To deliver the plan.\n\n"
        "2. Fees and Charges\nDecision: That the fees be increased by 3%.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "notice.pdf").documents
    assert (doc.meeting.committee, doc.meeting.date) == ("Cabinet", "2024-03-12")
    assert [m.title for m in doc.minutes] == ["Capital Programme", "Fees and Charges"]


def test_a_minute_number_then_its_agenda_item_in_brackets() -> None:
    text = (
        "Minutes of the Parish Council Meeting held on Thursday 16th April 2020 at 7.30pm\n"
        "Present: Councillors Janet Ivison (Chairman), Anne Reece\n"
        "19.168 (20.02) CO-OPTION OF NEW PARISH COUNCILLOR\nMr James Wilson was co-opted.\n"
        "19.169 (20.03) DECLARATION OF ACCEPTANCE OF OFFICE\nCouncillor Wilson signed it.\n"
        "19.170 (20.04) To receive DECLARATIONS OF INTEREST and written dispensation requests for"
        " Disclosable pecuniary interests on agenda items\nNone received\n"
        "19.171 (20.05) PUBLIC PARTICIPATION\nNone\n"
        "19.172 (20.06) FINANCE: Current Account balance as at 1st March 2020: £6218.99\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "m.txt").documents if d.minutes]
    found = [(m.number, m.agenda_item, m.title.split()[0]) for m in doc.minutes]
    assert found == [
        ("19.168", "20.02", "Co-Option"),
        ("19.169", "20.03", "Declaration"),
        ("19.170", "20.04", "To"),  # the one missing number of the run put back
        ("19.171", "20.05", "Public"),
        ("19.172", "20.06", "Finance"),  # its text after the colon run in
    ]
    assert doc.minutes[-1].title == "Finance"


def test_a_meeting_page_without_its_title_with_decisions_under_its_items() -> None:
    text = (
        "SCC County Council\nWednesday, 25th May, 2022 10.00 am\n\n"
        "Venue: Hollinsworth Hall, Marsh Lane, Huntworth\n\n"
        "Election of the Chair of the Council\n\nTo invite nominations and elect the Chair of the"
        " Council\n\n\nCouncillor Mike Best was elected as Chair of the Council to serve until May"
        " 2023.\n\n\nCouncillor Peter Clayton invited nominations from proposers and seconders.\n\n\n"
        "Proposed by Councillor Revans and Seconded by Councillor Fothergill, the Council elected"
        " Councillor Mike Best\n\n\nDeclarations of Interest\n\nThe following declared interests:\n\n"
        "a Councillor Suria Aujila - member Bridgwater Town Council\n"
        "b Councillor S Ashton – member Crewkerne Town Council\n\n\n"
        "Apologies for Absence\n\nApologies were received from Councillor Smith.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "m.txt").documents if d.minutes]
    assert (doc.meeting.committee, doc.meeting.date) == ("SCC County Council", "2022-05-25")
    assert [m.title for m in doc.minutes] == [
        "Election of the Chair of the Council",
        "Declarations of Interest",
        "Apologies for Absence",
    ]
    (elected,) = doc.minutes[0].decisions  # moved and seconded a paragraph later: one decision
    assert (elected.mover, elected.seconder) == ("Councillor Revans", "Councillor Fothergill")
    # the same page with no decision is an agenda's page: no minutes
    agenda = text.replace(
        "Councillor Mike Best was elected as Chair of the Council to serve until May 2023.", ""
    )
    agenda = agenda.split("Proposed by")[0]
    assert not [d for d in parse_pack([Page(agenda, None, 0)], "a.txt").documents if d.minutes]


def test_a_flattened_copy_with_a_mixed_case_title_and_paragraph_numbers() -> None:
    line = (
        "Norfolk Police and Crime Panel Minutes of the Meeting held on 5 February 2019 at 10am in"
        " the Edwards Room, County Hall, Norwich Main Panel Members Present: Mr W Richmond"
        " (Chairman) Norfolk County Council Mr Timothy Adams Norfolk County Council Mr Martin"
        " Storey Norfolk County Council 1. To receive apologies and details of any substitute"
        " Members attending 1.1 Apologies had been received from Mrs Sarah Butikofer. 2. Members"
        " to Declare any Interests 2.1 There were no interests declared. 3. Public questions 3.1"
        " There were no public questions.\n"
    )
    (doc,) = [d for d in parse_pack([Page(line, None, 0)], "m.txt").documents if d.minutes]
    assert (doc.meeting.committee, doc.meeting.date) == (
        "Norfolk Police and Crime Panel",
        "2019-02-05",
    )
    assert [m.title for m in doc.minutes] == [
        "To receive apologies and details of any substitute Members attending",
        "Members to Declare any Interests",
        "Public questions",
    ]


def test_a_title_block_of_name_date_and_time_then_minutes_is_one_set_of_minutes() -> None:
    text = (
        "August 2023 Minutes\n\nFULL PARISH MEETING OF THE COUNCIL\n\n07 August 2023 – 7pm\n\n"
        "MINUTES\n\nPresent:\n\nCouncillors: Cllr. Buckenham (Chair), Cllr. Gallop\n\n"
        "1.   Chair’s welcome\n\nThe Chair welcomed everyone.\n\n"
        "2.   Public Participation\n\nNo questions were raised.\n"
    )
    docs = parse_pack([Page(text, None, 0)], "m.txt").documents
    (doc,) = [d for d in docs if d.doc_type == "minutes"]
    assert len(docs) == 1  # the name and date, then 'MINUTES': one title block, read once
    assert (doc.meeting.committee, doc.meeting.date) == (
        "Full Parish Meeting of the Council",
        "2023-08-07",
    )
    assert [m.number for m in doc.minutes] == ["1", "2"]
    from kb.parse.names import meeting_committee

    assert meeting_committee("Full Brandon Town Council") == "Full Council"


def test_titles_run_on_into_sentences_that_open_as_one() -> None:
    text = (
        "Killearn Community Council\n\nAdopted Minutes of the Meeting Held on 20 November 2013\n\n"
        "Present: J. Allan; M. Burdon; A. Donaldson; M. Harrison (Chair).\n\n"
        "1 Welcome Anne-Marie welcomed everyone to the inaugural meeting of the new Community"
        " Council.\n\n2 Announcement of returned members The following members had been elected:"
        " Jim Allan; Margery Burdon.\n\n3 Information exchange Anne-Marie outlined the process of"
        " Priority Based Budgeting.\n\n4 Adoption of Constitution It was agreed to adopt the model"
        " constitution.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "m.txt").documents if d.minutes]
    # the minutes' status is not the body's name
    assert (doc.meeting.committee, doc.meeting.date) == ("Killearn Community Council", "2013-11-20")
    assert [m.title.lower() for m in doc.minutes] == [
        "welcome",
        "announcement of returned members",
        "information exchange",
        "adoption of constitution",
    ]


def test_a_minutes_status_after_the_bodys_name_is_not_its_name() -> None:
    from kb.parse.names import meeting_committee

    assert meeting_committee("Killearn Community Council Adopted") == "Killearn Community Council"
    assert meeting_committee("Planning Committee Draft") == "Planning Committee"


def test_a_voting_record_of_several_items_is_one_minute_each() -> None:
    text = (
        "Voting record\n\n Council, Tuesday, 14th May, 2024 7.00 pm\n\n"
        "Item: Minutes\n\nMinutes of the last meeting:\n\nResolution status:Carried\n\n"
        "RESOLVED: That the minutes of 9 April 2024 be APPROVED as a correct record.\n\n"
        "Jo Bloggs For\n\n"
        "Item: Parking Strategy\n\nParking Strategy:\n\nResolution status:Carried\n\n"
        "RESOLVED: That Council\n\n1. NOTE the consultation responses;\n\n"
        "2. ADOPT the Parking Strategy 2024-2029.\n\nJo Bloggs For\n\n"
        "Item: Motion on Libraries\n\nMotion:\n\nMotion status:Lost\n\n"
        "That the library budget be increased by £50,000.\n\nJo Bloggs Against\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "v.txt").documents if d.minutes]
    assert (doc.meeting.committee, doc.meeting.date) == ("Council", "2024-05-14")
    assert [m.title for m in doc.minutes] == ["Minutes", "Parking Strategy", "Motion on Libraries"]
    assert [[d.outcome for d in m.decisions] for m in doc.minutes] == [
        ["carried"],
        ["carried"],
        ["lost"],
    ]
    listed = doc.minutes[1].decisions[0]
    # the resolution whole, its body's lead-in and list left out of its opening words
    assert "ADOPT the Parking Strategy" in listed.text
    from kb.parse.decisions import strip_formula

    assert strip_formula(listed.text).startswith("NOTE the consultation responses")


def test_web_item_numbers_over_titles_that_open_with_a_report_reference() -> None:
    text = (
        "Minutes of a meeting of the Council held on Thursday, 6th June, 2024\n\n"
        "Present: Councillors A, B and C\n\n"
        "    12.\n\n    APOLOGIES FOR ABSENCE\n\n    Minutes:\n\n    None were received.\n\n"
        "    13.\n\n    RC/05/24 TO CONFIRM THE MINUTES OF THE MEETING HELD ON 2 MAY 2024 pdf icon PDF 120 KB\n\n"
        "    Minutes:\n\n    It was Resolved:-\n\n    That the Minutes be confirmed as a true record.\n\n"
        "  • View Recorded Vote for this item\n  • 14.\n\n    CHAIRMAN'S ANNOUNCEMENTS\n\n"
        "    Minutes:\n\n    The Chairman reported on her engagements.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "w.txt").documents if d.minutes]
    # the reference is the report's, part of the title; the number over it the minute's
    assert [(m.number, m.printed_title) for m in doc.minutes] == [
        ("12", "APOLOGIES FOR ABSENCE"),
        ("13", "RC/05/24 TO CONFIRM THE MINUTES OF THE MEETING HELD ON 2 MAY 2024"),
        ("14", "CHAIRMAN'S ANNOUNCEMENTS"),  # behind a bullet of the page's flattened list
    ]
    assert [d.outcome for d in doc.minutes[1].decisions] == ["approved"]


def test_a_unanimous_vote_on_a_motion_moved_and_seconded() -> None:
    text = (
        "Minutes of a meeting of the Council held on 12 March 2025\n\n"
        "Present: Councillors A, B and C\n\n"
        "41.\n\nApologies\n\nNone.\n\n42.\n\nMotion on Town Centre Parking\n\n"
        "It was RESOLVED on a motion MOVED by Councillor Ahmed and SECONDED by Councillor Brown:\n\n"
        "a)    that Council support free parking in December;\n\n"
        "b)    that the Executive be asked to consider the cost.\n\n"
        "The vote on this motion was unanimous.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "u.txt").documents if d.minutes]
    (decision,) = doc.minutes[1].decisions
    assert (decision.outcome, decision.mover, decision.seconder) == (
        "carried",
        "Councillor Ahmed",
        "Councillor Brown",
    )
    from kb.parse.decisions import strip_formula

    assert strip_formula(decision.text).startswith("Council support free parking")


def test_a_parish_proposal_seconded_and_resolved_in_one_sentence() -> None:
    text = (
        "Minutes of the annual meeting of Little Ashby Parish Council held on Tuesday 10th May"
        " 2022 at 7pm in the village hall.\n"
        "Present: Councillors Hill, Dale and Moor.\n"
        "1. Election of Chairman – Councillor Hill did not stand again.\n"
        "It was:-\n"
        "Proposed by Councillor Dale that Councillor Moor be Chairman which was Seconded by"
        " Councillor Hill and RESOLVED. Councillor Moor signed the declaration.\n"
        "2. Apologies for absence – There were none.\n"
        "3. To receive declarations of interest under the Localism Act 2011 – There were none.\n"
        "4. Grass cutting – Proposed by Councillor Hill and seconded by Councillor Dale and"
        " RESOLVED that the quote of £480 be accepted.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "p.txt").documents if d.minutes]
    assert [m.title for m in doc.minutes] == [
        "Election of Chairman",
        "Apologies for absence",
        "To receive declarations of interest under the Localism Act 2011",
        "Grass cutting",
    ]
    (chair,) = doc.minutes[0].decisions
    from kb.parse.decisions import strip_formula

    assert strip_formula(chair.text).startswith("Councillor Moor be Chairman")
    assert (chair.outcome, chair.mover, chair.seconder) == (
        "agreed",
        "Councillor Dale",
        "Councillor Hill",
    )


def test_a_council_named_by_its_borough_and_a_committee_by_its_initials() -> None:
    from kb.parse.names import meeting_committee

    assert meeting_committee("Borough of Castle Point") == "Castle Point Borough Council"
    assert meeting_committee("the District of Ashby & Coleorton") == (
        "Ashby & Coleorton District Council"
    )
    text = (
        "Draft Minutes of NVCC Meeting held 5th June 2018\n\nNorth Vale Community Council\n\n"
        "A Meeting of North Vale Community Council took place in the hall on Tuesday 5 June"
        " 2018 at 7pm\n\nPresent: Cllrs Ann Lee (Chair), Bob Ray\n\n"
        "1. Apologies: Cllr Sam Oak\n\n2. Minutes: The minutes were approved.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "n.txt").documents if d.minutes]
    assert (doc.meeting.committee, doc.meeting.date) == (
        "North Vale Community Council",
        "2018-06-05",
    )


@pytest.mark.parametrize(
    ("line", "number", "form", "rest"),
    [
        ("83/19/TC Apologies", "83/19/TC", "slash", "Apologies"),
        ("12/24/FC Planning applications", "12/24/FC", "slash", "Planning applications"),
        ("05/24-1 Election of Chair.", "05/24-1", "slash", "Election of Chair."),
        ("11/23-12 Finance", "11/23-12", "slash", "Finance"),
        ("2743: Apologies for Absence:", "2743", "colon", "Apologies for Absence:"),
    ],
)
def test_numbering_schemes_of_town_and_parish_councils(
    line: str, number: str, form: str, rest: str
) -> None:
    numbered = split_number(line)
    assert numbered is not None
    assert (numbered.number, numbered.form, numbered.rest) == (number, form, rest)
    assert split_number("10: 30 the meeting resumed") is None  # a time, not a number


def test_a_parish_numbered_by_month_and_item_with_short_proposer_labels() -> None:
    text = (
        "Minutes- Annual Meeting of the Parish Council 14 May 2024\n"
        "Minutes of the meeting held Tuesday, 14th May 2024 at 7:30pm in the Village Hall\n"
        "05/24-1 Election of Chair. Cllr Ann Lee was proposed and seconded. There being no other"
        " nominations, it was RESOLVED to reappoint Cllr Ann Lee as Chair.\n"
        "P: BR S: CD, All in favour\n"
        "05/24-2 Record of Members Present\nPresent: Cllr Ann Lee, Cllr Bob Ray\n"
        "05/24-3 Election of Vice-Chair. Bob Ray proposed that Cath Day be Vice-Chair. This was"
        " seconded by Dan Fox and unanimously agreed.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "c.txt").documents if d.minutes]
    assert (doc.meeting.committee, doc.meeting.date) == ("Annual Meeting", "2024-05-14")
    assert [m.number for m in doc.minutes] == ["05/24-1", "05/24-2", "05/24-3"]
    (chair,) = doc.minutes[0].decisions
    assert (chair.outcome, chair.mover, chair.seconder) == ("carried", "BR", "CD")
    (vice,) = doc.minutes[2].decisions
    assert (vice.outcome, vice.mover, vice.seconder) == ("agreed", "Bob Ray", "Dan Fox")


def test_a_town_council_numbered_with_its_letters_and_its_date_before_its_name() -> None:
    text = (
        "9th July Town Council Extraordinary Meeting Minutes\n\n"
        "Minutes of the meeting held on Tuesday 9th July 2019 at 7pm in the Council Chamber\n\n"
        "Present: Cllr A Brown (Chairman) and Cllrs B Green, C White\n\n"
        "61/19/TC Apologies\nApologies were received from Cllr D Black.\n\n"
        "62/19/TC Declarations of Interest\nThere were none.\n\n"
        "63/19/TC Payment of invoices\nIt was resolved to pay the invoice of £420 for grass cutting.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "t.txt").documents if d.minutes]
    assert (doc.meeting.committee, doc.meeting.date) == (
        "Town Council Extraordinary Meeting",
        "2019-07-09",
    )
    assert [m.number for m in doc.minutes] == ["61/19/TC", "62/19/TC", "63/19/TC"]
    assert [d.outcome for d in doc.minutes[2].decisions] == ["agreed"]


def test_a_running_number_and_a_colon_over_each_title() -> None:
    text = (
        "Minutes Annual Parish Council Meeting 10th May 2012\n"
        "Held at the School on Thursday, 10th May 2012, starting at 7.30pm\n"
        "Present: A Lee, B Ray and C Day.\n"
        "2901: Apologies for Absence:\nD Fox (work)\n"
        "2902: Election of Chairman:\nA Lee proposed that B Ray be Chairman. This was seconded by"
        " C Day and unanimously agreed.\n"
        "2903: Finance:\nThe accounts were noted.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "r.txt").documents if d.minutes]
    assert doc.meeting.date == "2012-05-10"
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("2901", "Apologies for Absence"),
        ("2902", "Election of Chairman"),
        ("2903", "Finance"),
    ]


def test_a_meeting_line_with_a_dated_note_on_the_body() -> None:
    text = (
        "Agenda and minutes\n\n"
        "Vale Joint Committee (Administered by Vale Council from 1st April 2020) - Thursday,"
        " 12th December, 2019 2.00 pm\n\nVenue: County Hall\n\nItems\nNo. Item\n\n"
        "1.\n\nAPOLOGIES FOR ABSENCE\n\nMinutes:\n\nThere were none.\n\n"
        "2.\n\nMINUTES OF THE LAST MEETING pdf icon PDF 164 KB\n\n"
        "RECOMMENDED that the minutes of the meeting held on 3 October 2019 be signed.\n\n"
        "Minutes:\n\nRESOLVED that the minutes of the meeting held on 3 October 2019 be signed"
        " as a correct record.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "j.txt").documents if d.minutes]
    assert (doc.meeting.committee, doc.meeting.date) == ("Vale Joint Committee", "2019-12-12")
    # the agenda's recommendation over the 'Minutes:' label is not a decision
    (decision,) = doc.minutes[1].decisions
    assert decision.text.startswith("RESOLVED")


def test_a_scottish_vote_of_motion_against_amendment_counted_by_members() -> None:
    text = (
        "Minutes of a meeting of Glenmore Council held on 3 May 2017\n\n"
        "Present: Councillors Adams, Bell, Clark, Dunn\n\n"
        "12 ELECTION OF PROVOST\n\n"
        "The Chief Executive called for nominations for the office of Provost of Glenmore and"
        " Councillor Adams seconded by Councillor Bell moved that Councillor Clark be appointed"
        " as Provost. As an amendment, Councillor Dunn seconded by Councillor Evans moved that"
        " Councillor Ford be so appointed. On a vote, 5 Members voted for the amendment and 9 for"
        " the motion which was declared carried.\n\n"
        "13 DECLARATIONS OF INTEREST\n\nNone.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "s.txt").documents if d.minutes]
    amendment, motion = doc.minutes[0].decisions
    assert (amendment.kind, amendment.outcome, amendment.votes) == (
        "amendment",
        "lost",
        {"for": 5, "against": 9},
    )
    assert (amendment.mover, amendment.seconder) == ("Councillor Dunn", "Councillor Evans")
    assert (motion.outcome, motion.votes, motion.mover, motion.seconder) == (
        "carried",
        {"for": 9, "against": 5},
        "Councillor Adams",
        "Councillor Bell",
    )
    from kb.parse.decisions import strip_formula

    assert strip_formula(motion.text).startswith("Councillor Clark be appointed")


def test_a_flattened_minute_book_page_with_its_reference_before_the_title() -> None:
    text = (
        "2-114 MINUTES of MEETING of the GLENMORE COUNCIL held in the Council Chambers, Glenmore"
        " House on Tuesday, 9 June 2015 at 2.00pm. Present:- Provost Adams and Councillors Bell,"
        " Clark and Dunn. 1 Declarations of Interest No declarations of interest were intimated."
        " 2 Minutes of Council The Minutes of Meetings of Glenmore Council of 5 May and 19 May"
        " 2015 were submitted and approved as correct records. 3 Other Meetings The undernoted"
        " Minutes were submitted and noted. 4 Question to Leader No questions had been received.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "f.txt").documents if d.minutes]
    assert (doc.meeting.committee, doc.meeting.date) == ("Glenmore Council", "2015-06-09")
    assert [m.number for m in doc.minutes] == ["1", "2", "3", "4"]  # not '5 May'


def test_a_flattened_title_block_with_its_time_before_the_attendance() -> None:
    from kb.parse.flattened import unflatten

    line = (
        "GLEN VALE NATIONAL PARK AUTHORITY MINUTES OF THE BOARD MEETING held at The Lodge,"
        " Glenvale on 14 November 2003 at 10.30am Present: Ann Lee Bob Ray Cath Day Dan Fox"
        " In Attendance: Ed Gray 1. Apologies None were received. 2. Minutes The minutes of"
        " the meeting of 10 October were approved. 3. Finance The accounts were noted and"
        " the budget for the next year was agreed by members without a vote."
    )
    pieces = unflatten(line)
    title = next(k for k, p in enumerate(pieces) if p.startswith("MINUTES OF THE BOARD"))
    assert pieces[title].endswith("at 10.30am")  # the title block alone, not the attendance
    assert pieces[title + 1].startswith("Present: Ann Lee")


def test_a_cmis_meeting_page_with_minutes_under_its_agenda_items() -> None:
    text = (
        "Meeting Details\n\nFull Council\n14 May 2019 - 10:00 to 15:30\nOccurred\n"
        "  • Documents\n  • Members\n\nDocuments\n\nAgenda\n\nStandard Items\n"
        "1 Election of Chairman (Full Council)\n1\n\n"
        "It having been proposed by Councillor Hart and seconded by Councillor Lane and there"
        " being no other nominations it was\n\nResolved:\n\n"
        "That Councillor Moss be elected Chairman of the County Council for the year.\n\n"
        "2 Apologies for Absence (Full Council)\n2\n\nApologies were received from Councillor Ray.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "cmis.txt").documents if d.minutes]
    assert (doc.doc_type, doc.meeting.committee, doc.meeting.date) == (
        "minutes",
        "Full Council",
        "2019-05-14",
    )
    # the body each item is for, in brackets after its title, is not part of the title
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("1", "Election of Chairman"),
        ("2", "Apologies for Absence"),
    ]
    (election,) = doc.minutes[0].decisions
    assert (election.mover, election.seconder) == ("Councillor Hart", "Councillor Lane")


def test_a_parish_numbered_by_item_and_council_year_acknowledging_payments() -> None:
    text = (
        "HOLBY PARISH COUNCIL\n\nMinutes of an extraordinary meeting held by Holby Parish"
        " Council on Tuesday 9th May 2023 at 7.00 pm in the Village Hall\n\n"
        "Members Present:\n\nCllr. A. Lee (Chair); Cllr. B. Ray\n\n"
        "001-23/24.  Chairperson’s remarks.\n\nNone.\n\n"
        "002-23/24.  To resolve the following payments\n\n"
        "Councillor Lee proposed, and it was unanimously resolved to pay the invoice of £90.\n\n"
        "003-23/24.  To acknowledge receipt of payments\n\n"
        "The council acknowledged the payments received from the district council.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "h.txt").documents if d.minutes]
    assert [m.number for m in doc.minutes] == ["001-23/24", "002-23/24", "003-23/24"]
    assert [d.outcome for d in doc.minutes[2].decisions] == ["noted"]


def test_nominations_proposed_and_seconded_respectively() -> None:
    from kb.parse.votes import movers

    assert movers(
        "Councillor Lee was proposed and seconded by Councillors Ray and Day respectively."
    ) == ("Ray", "Day")
    assert movers(
        "Councillor Ray was proposed and seconded by Mrs Fox and Councillor Day respectively."
    ) == ("Mrs Fox", "Councillor Day")


def test_an_unnumbered_item_titled_with_its_agenda_item() -> None:
    text = (
        "Agenda and minutes\n\nFull Council\nMonday, 8th January, 2018 7.30 pm\n\n"
        "Venue: Civic Centre. View directions\n\nNo. Item\n\n\n"
        "To receive apologies for absence (Agenda Item 1)\n\n\n"
        "Apologies for absence were received from Councillor Khan.\n\n\n"
        "Declarations of Interest (Agenda Item 2)\n\n\nThere were none.\n\n\n"
        "Minutes of the last meeting (Agenda Item 3)\n\n\n"
        "RESOLVED that the minutes of the meeting held on 4 December 2017 be confirmed.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "i.txt").documents if d.minutes]
    assert [(m.number, m.title, m.agenda_item) for m in doc.minutes] == [
        ("", "To receive apologies for absence", "1"),
        ("", "Declarations of Interest", "2"),
        ("", "Minutes of the last meeting", "3"),
    ]


def test_agenda_items_over_paragraphs_that_open_with_the_running_minute_number() -> None:
    text = (
        "Approved Minutes of the Ashby Parish Council Meeting held on Tuesday 6th October 2020\n"
        "Present: Cllrs A. Lee (Chairman), B. Ray, C. Day\n"
        "1. Chairman’s Opening Remarks\n"
        "412. The Chairman welcomed everyone to the meeting.\n"
        "2. Apologies for absence\n"
        "413.The Clerk reported that apologies had been received from Cllr Fox.\n"
        "3. To Approve the Minutes of the Meeting held on the 1st September 2020 and to sign them\n"
        "414. It was Resolved by a show of hands to accept the Minutes as a true record.\n"
        "4. To consider the grass cutting quotes received from three contractors this year\n"
        "415. It was Resolved to accept the quote of £480 from contractor A.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "a.txt").documents if d.minutes]
    # the list number is the agenda's item; the number opening the text, the minute's own
    assert [(m.number, m.agenda_item) for m in doc.minutes] == [
        ("412", "1"),
        ("413", "2"),
        ("414", "3"),
        ("415", "4"),
    ]
    assert [d.outcome for d in doc.minutes[2].decisions] == ["approved"]
    assert split_number("413.The Clerk reported") is not None  # a stop glued to the text


def test_a_scottish_division_with_each_sides_names_and_count() -> None:
    text = (
        "At a MEETING of the GLENMORE CITY COUNCIL held on Monday, 2nd March, 2009.\n"
        "Present:- Lord Provost ADAMS, Councillors BELL, CLARK, DUNN and EVANS.\n\n"
        "I ADJOURNMENT\n"
        "Councillor Bell, seconded by Councillor Clark, moved that the meeting be adjourned.\n"
        "As an amendment, Councillor Dunn, seconded by Councillor Evans, moved that the meeting"
        " be not adjourned.\n"
        "On a division, there voted for the motion - Councillors Bell, Clark and Ford (3); and for"
        " the amendment - Lord Provost Adams, Councillors Dunn, Evans and Gray (4) - whereupon the"
        " amendment was declared carried.\n"
        "II STANDING ORDERS\nThe Council unanimously approved the amended Standing Orders.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "d.txt").documents if d.minutes]
    by_kind = {d.kind: d for d in doc.minutes[0].decisions}
    assert (by_kind["motion"].outcome, by_kind["motion"].votes) == (
        "lost",
        {"for": 3, "against": 4},
    )
    assert (by_kind["amendment"].outcome, by_kind["amendment"].votes) == (
        "carried",
        {"for": 4, "against": 3},
    )


def test_a_decision_printed_twice_in_other_words_counts_once() -> None:
    text = (
        "Minutes of a meeting of the Vale Police and Crime Panel held on 15 June 2023\n\n"
        "Present: Councillors Lee, Ray and Day\n\n"
        "12.\n\nAppointment of the Panel Deputy Chair\n\nDecision:\n\n"
        "RESOLVED that: Councillor Ann Ray be appointed as Deputy Chair of the Panel for 2023/24.\n\n"
        "Minutes:\n\nCouncillor Ray was proposed and seconded by Mrs Fox and Councillor Day"
        " respectively. There were no further nominations.\n\n"
        "RESOLVED that: Councillor Ray be appointed as Deputy Chair of the Panel for 2023/24.\n\n"
        "13.\n\nApologies\n\nNone.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "p.txt").documents if d.minutes]
    (decision,) = doc.minutes[0].decisions  # the copy that names who moved it is kept
    assert (decision.mover, decision.seconder) == ("Mrs Fox", "Councillor Day")


def test_a_named_vote_between_two_nominated_candidates() -> None:
    text = (
        "Issue - meetings\n\n\nMeeting: 20/05/2016 - Council (Item 3)\n\n\n"
        "To appoint the Vice-Chairman of the Council.\n\n\n"
        "Councillor AB Hart proposed and Councillor CD Lane seconded the nomination of"
        " Councillor EF Moss.\n\n\n"
        "Councillor GH Nash proposed and Councillor IJ Owen seconded the nomination of"
        " Councillor KL Pope.\n\n\nA named vote was held.\n\n\n"
        "For Councillor Pope (10)\n\n\nCouncillors GH Nash, IJ Owen, MN Reed.\n\n\n"
        "For Councillor Moss (30)\n\n\nCouncillors AB Hart, CD Lane, OP Shaw.\n\n\n"
        "RESOLVED:   That Councillor EF Moss be elected Vice-Chairman of the Council.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "i.txt").documents if d.minutes]
    lost, carried = doc.minutes[0].decisions
    assert (lost.outcome, lost.votes, lost.mover) == (
        "lost",
        {"for": 10, "against": 30},
        "Councillor GH Nash",
    )
    assert (carried.outcome, carried.votes, carried.mover, carried.seconder) == (
        "carried",
        {"for": 30, "against": 10},
        "Councillor AB Hart",
        "Councillor CD Lane",
    )
    assert carried.text.startswith("RESOLVED:")


def test_parish_minutes_under_notes_with_titles_set_off_by_a_spaced_hyphen() -> None:
    """Minutes under a title block of no known form ('Notes <date>'), their headings run in
    before ' - ', an agenda's wording among them and 'PROPOSED; SECONDED; RESOLVED' after
    it; a label line that mentions the council ('Public Forum: …') names no body."""
    text = (
        "Notes 2nd September 2022\n\nThese notes are a draft until approved at the next meeting.\n\n"
        "Public Forum: No members of the public attended the Parish Council\n\n"
        "31. Chair's remarks - The Chair welcomed everyone to the meeting.\n\n"
        "32. Apologies for absence and reasons given - Cllr Dean (work).\n\n"
        "33. To confirm and sign the minutes of the meeting held on 3rd June 2022 - PROPOSED;"
        " SECONDED; RESOLVED that the minutes be approved as a correct record.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "n.txt").documents if d.minutes]
    assert (doc.meeting.committee, doc.meeting.date) == (None, "2022-09-02")
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("31", "Chair's remarks"),
        ("32", "Apologies for absence and reasons given"),
        ("33", "To confirm and sign the minutes of the meeting held on 3rd June 2022"),
    ]
    (decision,) = doc.minutes[2].decisions
    assert (decision.outcome, decision.mover) == ("approved", None)  # 'PROPOSED;' names no one


def test_a_hyphen_inside_a_title_does_not_set_text_off() -> None:
    text = (
        "Minutes of the Finance Committee held on 4 March 2024\n\n"
        "5. Budget 2025/26 - timetable\n\nThe Clerk set out the timetable for the budget.\n\n"
        "6. Item 4.1 - Grants to local groups\n\nIt was agreed to award £200 to the youth club.\n"
    )
    (doc,) = [d for d in parse_pack([Page(text, None, 0)], "f.txt").documents if d.minutes]
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("5", "Budget 2025/26 - timetable"),
        ("6", "Item 4.1 - Grants to local groups"),
    ]


def test_a_community_council_web_page_titled_meeting_minutes() -> None:
    text = (
        "March 2024 Minutes\n\nDownload the minutes as a PDF\n\nGlenbrae Community Council\n\n"
        "Meeting Minutes\n\nDate of Meeting: 14th March 2024, 19:30.\n\n"
        "Present: Anna Bell (AB), Colin Dunn (CD), Eve Fox (EF).\n\n"
        "Matters arising: There were none.\n\n"
        "Item 1: AB reported on the path repairs and it was agreed to write to the council.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "g.txt").documents
    assert doc.doc_type == "minutes"
    assert (doc.meeting.committee, doc.meeting.date) == ("Glenbrae Community Council", "2024-03-14")


def test_agenda_wording_as_a_heading_is_not_held_to_a_titles_length() -> None:
    lines = [
        Line(t, 1)
        for t in [
            "1. To elect a Chair for the coming year 2024/25 and to receive the Declaration of"
            " Acceptance of Office from the Chair, witnessed by the Proper Officer.",
            "Councillor Ames was elected Chair.",
            "2. To elect a Vice Chair for the coming year 2024/25 and to receive the Declaration"
            " of Acceptance of Office from the Vice Chair, witnessed by the Proper Officer.",
            "Councillor Boyd was elected Vice Chair.",
            "3. Apologies for absence",
            "None.",
        ]
    ]
    found = [(h.number, h.title.split(" for the coming")[0]) for h in find_headings(lines)]
    assert found == [
        ("1", "To elect a Chair"),
        ("2", "To elect a Vice Chair"),
        ("3", "Apologies for absence"),
    ]


def test_a_moderngov_page_whose_items_lost_their_numbers_and_name() -> None:
    """A ModernGov meeting page copied with its meeting's name and item numbers lost: the
    page is still that meeting's minutes (dated, committee unknown, not guessed), and its
    items are the titles set off above paragraphs numbered '2.1', '3.1'."""
    text = (
        "Agenda and minutes\n\nThursday, 7th March, 2024 6.00 pm\n\n"
        "Venue: Town Hall, High Street\n\nNo. Item\n\n\n"
        "Apologies for Absence\n\n\n"
        "2.1       Apologies were received from Councillors Amos and Bell.\n\n\n"
        "Minutes of the last meeting\n\n\n"
        "3.1       Council CONFIRMED the minutes of the meeting held on 8th February 2024.\n\n\n"
        "Petitions\n\n\n"
        "4.1       No petitions had been received.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "m.txt").documents
    assert (doc.meeting.committee, doc.meeting.date) == (None, "2024-03-07")
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("", "Apologies for Absence"),  # printed without a number
        ("", "Minutes of the last meeting"),
        ("", "Petitions"),
    ]
    (decision,) = doc.minutes[1].decisions  # the verb in capitals
    assert decision.outcome == "approved"


def test_an_item_taken_out_of_order_keeps_its_printed_number() -> None:
    """'5. …' printed between '2.' and '3.' (the chair took it early): a minute of the run,
    numbered as printed, in printed order, and its decision its own, not run into '2.'."""
    text = (
        "Ashby Magna Parish Council\n\n"
        "Minutes of the meeting held on Tuesday 12th March 2024 at 7.30pm in the Church Room.\n\n"
        "Present: Cllrs Amos (Chair), Bell and Cole.\n\n"
        "1. Apologies for absence: Cllr Dean.\n\n"
        "2. Declarations of interest: None.\n\n"
        "The chair took item 5 next as the tree surgeon was present.\n\n"
        "5. Churchyard trees: The tree surgeon answered questions and council resolved to"
        " accept the quotation of £480.\n\n"
        "3. Public forum: No members of the public spoke.\n\n"
        "4. Clerk's report: The clerk reported on the bus shelter repairs.\n\n"
        "6. Correspondence: Letters from the district council were noted.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "a.txt").documents
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("1", "Apologies for absence"),
        ("2", "Declarations of interest"),
        ("5", "Churchyard trees"),
        ("3", "Public forum"),
        ("4", "Clerk's report"),
        ("6", "Correspondence"),
    ]
    assert not doc.minutes[1].decisions
    (decision,) = doc.minutes[2].decisions
    assert "accept the quotation of £480" in decision.text


def test_a_number_ahead_of_the_run_inside_a_minute_is_not_taken_for_an_item() -> None:
    """A paragraph numbered ahead of the run but printed as text, not as the items' headings
    are ('12. The report said …' under '2.'), stays the minute's text."""
    lines = [
        Line(t, 1)
        for t in [
            "1. APOLOGIES",
            "None received.",
            "2. ANNUAL REPORT",
            "12. The report said that the number of visitors had risen over the year and that"
            " the café would reopen in April, as the trustees had hoped.",
            "3. FINANCE",
            "Payments were approved.",
        ]
    ]
    assert [h.number for h in find_headings(lines)] == ["1", "2", "3"]


def test_an_agenda_wording_with_a_date_run_in_before_a_colon() -> None:
    """Where titles are run in after a colon, an agenda's wording with a date in it ('held
    on 14th February 2024:') is the title, and the text after the colon its minute's."""
    text = (
        "Little Oakley Parish Council\n\n"
        "Minutes of the meeting held on Monday 11th March 2024 at 7pm in the Village Hall.\n\n"
        "Present: Cllrs Amos, Bell and Cole.\n\n"
        "1. Apologies: Cllr Dean.\n\n"
        "2. Declarations of interest: None.\n\n"
        "3. To approve the minutes of the meeting held on 14th February 2024: The minutes"
        " were approved and signed by the chairman.\n\n"
        "4. Planning: No applications had been received.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "o.txt").documents
    assert [(m.number, m.title) for m in doc.minutes][2] == (
        "3",
        "To approve the minutes of the meeting held on 14th February 2024",
    )
    (decision,) = doc.minutes[2].decisions
    assert decision.outcome == "approved"
    assert decision.text.startswith("The minutes were approved")


def test_a_venue_after_minutes_of_meeting_is_not_the_committee() -> None:
    """'Minutes of Meeting' over 'Memorial Institute on Monday …': where the meeting was held,
    not who met; the committee stays unknown, the date is read."""
    text = (
        "Minutes of Meeting\n\n"
        "Memorial Institute on Monday 4th March 2024 at 7.00pm.\n\n"
        "Present: Cllr A Amos (Chair), Cllrs B Bell and C Cole.\n\n"
        "1. Apologies\n\nCllr D Dean.\n\n"
        "2. Minutes of the last meeting\n\nIt was resolved that the minutes be signed.\n\n"
        "3. Correspondence\n\nNone.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "v.txt").documents
    assert (doc.meeting.committee, doc.meeting.date) == (None, "2024-03-04")


def test_sub_headings_inside_an_item_whose_number_was_lost_are_not_items() -> None:
    """A ModernGov page whose items lost their numbers, only their paragraphs' ('2.1')
    left: the sub-headings of the first item's attendance list ('Officers present', 'Also
    in attendance') are its text, not items; an item after the last paragraphed one
    stays."""
    text = (
        "Agenda and minutes\n\nMonday, 3rd June, 2024 2.00 pm\n\n"
        "Venue: County Hall, Market Street\n\nNo. Item\n\n\n"
        "Attendance\n\n\n"
        "Officers present\n\n\n"
        "Ann Amos, Chief Executive\n\nBen Bell, Monitoring Officer\n\n\n"
        "Also in attendance\n\n\n"
        "Carl Cole - Youth Council\n\n\n"
        "Apologies for Absence\n\n\n"
        "2.1       Apologies were received from Councillors Dean and Earl.\n\n\n"
        "Minutes of the last meeting\n\n\n"
        "3.1       Council CONFIRMED the minutes of the meeting held on 7th May 2024.\n\n\n"
        "Petitions\n\n\n"
        "4.1       No petitions had been received.\n\n\n"
        "Close of meeting\n\n\n"
        "The meeting closed at 3.10 pm.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "p.txt").documents
    assert [m.title for m in doc.minutes] == [
        "Attendance",
        "Apologies for Absence",
        "Minutes of the last meeting",
        "Petitions",
        "Close of meeting",
    ]
    (decision,) = doc.minutes[2].decisions
    assert decision.outcome == "approved"


def test_parts_lettered_under_a_minute_are_minutes_of_their_own() -> None:
    """'6.' / 'Minutes of sub-committees' / '6a' / '2 May 2024 pdf icon PDF 90 KB' / '6b' /
    …: each lettered part is a minute titled by its meeting's date (not a minute numbered
    '2'), with its own resolution."""
    text = (
        "Minutes of the Licensing Committee held on Thursday 13 June 2024 at 10.00 am\n\n"
        "Present: Councillors Amos (Chair), Bell and Cole.\n\n"
        "5.\n\nDeclarations of Interest\n\nMinutes:\n\nThere were none.\n\n"
        "6.\n\nMinutes of Licensing Sub-Committees\n\n"
        "6a\n\n2 May 2024 pdf icon PDF 90 KB\n\nMinutes:\n\n"
        "RESOLVED that the minutes of the sub-committee held on 2 May 2024 be confirmed.\n\n"
        "6b\n\n23 May 2024 pdf icon PDF 88 KB\n\nMinutes:\n\n"
        "RESOLVED that the minutes of the sub-committee held on 23 May 2024 be confirmed.\n\n"
        "7.\n\nGambling Policy Review\n\nMinutes:\n\n"
        "RESOLVED that the draft policy be approved for consultation.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "l.txt").documents
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("5", "Declarations of Interest"),
        ("6", "Minutes of Licensing Sub-Committees"),
        ("6a", "2 May 2024"),
        ("6b", "23 May 2024"),
        ("7", "Gambling Policy Review"),
    ]
    assert [len(m.decisions) for m in doc.minutes] == [0, 0, 1, 1, 1]
    assert "2 May 2024" in doc.minutes[2].decisions[0].text


def test_offices_listed_under_the_following_were_elected_are_elections() -> None:
    """'The following were elected:' / 'Chair – Ann Amos' / 'Treasurer: Ben Bell': each
    office and holder an election (agreed); an 'Item N:' heading worded as a sentence is
    still the minute's; office lines with no such lead ('Chair: …' in the attendance) are
    not decisions."""
    text = (
        "Glenfarg Community Council\n\nMeeting Minutes\n\n"
        "Date of Meeting: 5th June 2024, 19:30.\n\n"
        "Chair: Ann Amos\n\nSecretary: Carl Cole\n\n"
        "Item 1: The annual general meeting was opened and nominations were invited.\n\n"
        "The following were elected:\n\n"
        "Chair – Ann Amos\n\nVice-Chair – Dan Dean\n\nTreasurer: Ben Bell\n\n"
        "The Chair thanked members for their support.\n\n"
        "Item 2: The path repairs were discussed and it was agreed to write to the council.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "g.txt").documents
    assert [m.number for m in doc.minutes] == ["1", "2"]
    first = doc.minutes[0].decisions
    assert [(d.text, d.outcome) for d in first] == [
        ("Chair – Ann Amos", "agreed"),
        ("Vice-Chair – Dan Dean", "agreed"),
        ("Treasurer: Ben Bell", "agreed"),
    ]
    assert "Carl Cole" not in " ".join(d.text for m in doc.minutes for d in m.decisions)


def test_minute_numbers_with_their_council_year_and_capital_proposals() -> None:
    """'PL30-25/26' / 'COU/73/20-21': a minute and its council year; a reference far ahead
    of the run in a table ('PL36-25/26') is not a minute; 'Cllr X PROPOSED that …;
    SECONDED by Cllr Y' names both; 'RESOLVED Councillor Amos to …' drops its formula."""
    assert split_number("COU/73/20-21 Apologies").number == "COU/73/20-21"
    assert split_number("PL30-25/26").number == "PL30-25/26"
    text = (
        "Minutes of Meeting, Tuesday, 6th September 2022\n\n"
        "The Parish Council met on Tuesday, 6th September in the Hall, at 7.30pm\n\n"
        "Present: Cllrs Amos, Bell and Cole.\n\n"
        "PL30-25/26\n\nApologies For Absence\n\nNone.\n\n"
        "PL31-25/26\n\nDeclarations of Interest\n\nMinute No.\n\nPL36-25/26\n\n"
        "Councillor Amos\n\nPL32-25/26\n\nMinutes\n\n"
        "Cllr B Bell PROPOSED that the Minutes of 2 August 2022 be confirmed; SECONDED by"
        " Cllr C Cole. The vote was unanimous.\n\n"
        "PL33-25/26\n\nSpeed watch\n\nRESOLVED Councillor Amos to purchase the camera.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "t.txt").documents
    assert [m.number for m in doc.minutes] == [
        "PL30-25/26",
        "PL31-25/26",
        "PL32-25/26",
        "PL33-25/26",
    ]
    (minutes,) = doc.minutes[2].decisions
    assert (minutes.mover, minutes.seconder) == ("Cllr B Bell", "Cllr C Cole")
    (camera,) = doc.minutes[3].decisions
    from kb.parse.decisions import strip_formula

    assert strip_formula(camera.text).startswith("Councillor Amos to purchase")


def test_running_refs_with_a_letter_a_meeting_prefix_or_glued_to_a_title() -> None:
    """'D.3/25' on its own line (a letter, the minute and the year), '2405.01 Apologies'
    (the meeting's year and month, then the item) and '118.01APOLOGIES' (a ref glued to a
    run-in heading in capitals) are minute numbers; money at a line's start is not."""
    assert split_number("D.3/25").number == "D.3/25"
    assert split_number("2405.01 Apologies").number == "2405.01"
    glued = split_number("118.01APOLOGIES Apologies were received from Cllr Amos")
    assert glued is not None and glued.number == "118.01"
    assert glued.rest.startswith("APOLOGIES")
    assert split_number("S.106 monies were received") is None
    assert split_number("1500.00 was paid to the contractor") is None
    text = (
        "Minutes of the meeting of Ashby Parish Council held on Monday 13th May 2024 at"
        " 7.30pm\n\n"
        "2405.01 Present\nCouncillors Amos (Chair), Bell and Cole.\n\n"
        "2405.02 Declarations of Interest\nNone.\n\n"
        "2405.03 Minutes of the Meeting on 8th April 2024\n"
        "It was resolved that the minutes of the meeting on 8th April 2024 are approved.\n\n"
        "2405.04 Footpaths\nIt was agreed to write to the county council about the stile.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "a.txt").documents
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("2405.01", "Present"),
        ("2405.02", "Declarations of Interest"),
        ("2405.03", "Minutes of the Meeting on 8th April 2024"),
        ("2405.04", "Footpaths"),
    ]
    assert [len(m.decisions) for m in doc.minutes] == [0, 0, 1, 1]
    text = (
        "Agenda and minutes\n\nCouncil - Wednesday, 5th June, 2024 2.00 pm\n\n"
        "Items\nNo. Item\n\n"
        "D.1/25\n\nApologies for absence\n\nMinutes:\n\nApologies were received from"
        " Councillor Amos.\n\n"
        "D.2/25\n\nMinutes pdf icon PDF 120 KB\n\nMinutes:\n\n"
        "RESOLVED, that the minutes of the meeting held on 8 May 2024 be approved.\n\n"
        "D.3/25\n\nAnnouncements\n\nMinutes:\n\nThere were no announcements.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "c.txt").documents
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("D.1/25", "Apologies for absence"),
        ("D.2/25", "Minutes"),
        ("D.3/25", "Announcements"),
    ]
    assert [len(m.decisions) for m in doc.minutes] == [0, 1, 0]


def test_a_number_printed_twice_in_a_run_is_a_minute_of_its_own() -> None:
    """A web page's list numbers rendered '1.', '1.', '3.', '4.', '4.', '5.' (a list restarted
    twice): the repeated item is a minute of its own under the number printed; a list inside
    a minute ('1.', '2.' under '2.') is not."""
    text = (
        "Minutes of the Meeting held in the Village Hall\n\non 14th June 2016\n\n"
        "Present: Cllrs Amos (Chair), Bell, Cole\n\n"
        "  1. Election of Chair\n\nIt was proposed by Cllr Bell and seconded by Cllr Cole that"
        " Cllr Amos be Chair. All agreed.\n\n"
        "  1. Apologies for Absence\n\nCllr Dean\n\n"
        "    3. Minutes of the last meeting\n\nThe minutes were agreed by all.\n\n"
        "    4. Matters Arising\n\nIt was agreed that the clerk write to the highways team.\n\n"
        "4. Planning Applications\n\nThe clerk reported two applications:\n\n"
        "1. Extension at 3 Mill Lane\n\n2. Garage at Low Farm\n\n"
        "5. Footpaths\n\nIt was agreed to repair the stile.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "g.txt").documents
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("1", "Election of Chair"),
        ("1", "Apologies for Absence"),
        ("3", "Minutes of the last meeting"),
        ("4", "Matters Arising"),
        ("4", "Planning Applications"),
        ("5", "Footpaths"),
    ]
    assert [len(m.decisions) for m in doc.minutes] == [1, 0, 1, 1, 0, 1]
    text = (
        "Minutes of the Meeting held in the Village Hall\n\non 14th June 2016\n\n"
        "1. Apologies for Absence\n\n1. Cllr Dean sent apologies, being away on holiday.\n\n"
        "2. Cllr Eyre sent apologies, being unwell.\n\n"
        "2. Minutes of the last meeting\n\nThe minutes were agreed by all.\n\n"
        "3. Footpaths\n\nIt was agreed to repair the stile.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "g.txt").documents
    assert [m.number for m in doc.minutes] == ["1", "2", "3"]


def test_a_letter_spaced_formula_is_read_as_the_word() -> None:
    """'R E S O L V E D – that:' (a PDF's letter-spaced emphasis) is the formula; the
    lettered limbs under it are the decision."""
    text = (
        "Minutes of the Finance Committee held on Thursday 3 October 2024\n\n"
        "1. Fees and Charges\n\n"
        "            R E S O L V E D – that:\n\n"
        "A.    the fees and charges for 2025/26 at Appendix A be approved.\n\n"
        "B.    the Chief Finance Officer review the charges each year.\n\n"
        "2. Exclusion of the Public\n\nThere were no exempt items.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "t.txt").documents
    assert [m.number for m in doc.minutes] == ["1", "2"]
    decisions = doc.minutes[0].decisions
    assert decisions, "the letter-spaced RESOLVED is not read"
    from kb.parse.decisions import strip_formula

    assert "fees and charges for 2025/26" in strip_formula(decisions[0].text)
    assert decisions[0].outcome == "approved"


def test_a_committee_of_a_named_council_is_the_committee() -> None:
    """'Minutes of a Meeting of the Joint Strategic Committee of Ashby District and Borough
    Councils': the committee is the 'Joint Strategic Committee', the council that follows it
    is its body; a council's own name ('Council of the Isles of Scilly') is kept."""
    from kb.parse.names import normalise_committee

    assert (
        normalise_committee("Joint Strategic Committee of Ashby District and Borough Councils")
        == "Joint Strategic Committee"
    )
    assert normalise_committee("Planning Committee of Westmarch County Council") == (
        "Planning Committee"
    )
    assert normalise_committee("Council of the Isles of Scilly") == "Council of the Isles of Scilly"
    assert normalise_committee("Full Parish Meeting of the Council") == (
        "Full Parish Meeting of the Council"
    )
    text = (
        "Minutes of a Meeting of the Planning Committee of Westmarch County Council\n\n"
        "Thursday 5 February 2015\n\n1. Apologies\n\nNone.\n\n2. Minutes\n\n"
        "RESOLVED that the minutes be approved.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "w.txt").documents
    assert doc.meeting is not None and doc.meeting.committee == "Planning Committee"


def test_a_count_told_just_before_the_formula_is_the_decisions_vote() -> None:
    """'… proposed by X and seconded by Y. It was approved unanimously with 9 in favour.' /
    'RESOLVED' / 'That …': the count is the resolution's vote (9 for, none against, none
    abstaining); a number of people in favour of something that was not a vote is not."""
    text = (
        "Minutes of the Planning Committee held on Thursday 5 October 2023\n\n"
        "1. DM/23/1234 - Land at Mill Lane\n\n"
        "The Chair put the recommendation to the vote, proposed by Councillor Ash and seconded"
        " by Councillor Birch. It was approved unanimously with 9 in favour.\n\n"
        "RESOLVED\n\nThat planning permission be granted subject to the conditions.\n\n"
        "2. Footpath Survey\n\n"
        "Members heard that 120 residents had written in favour of the new footpath.\n\n"
        "RESOLVED that the report be noted.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "p.txt").documents
    first, second = (m.decisions for m in doc.minutes)
    assert len(first) == 1 and first[0].votes == {"for": 9, "against": 0, "abstain": 0}
    assert first[0].outcome == "carried" and first[0].mover == "Councillor Ash"
    assert len(second) == 1 and second[0].votes is None and second[0].outcome == "noted"


def test_a_number_alone_over_a_long_title_of_its_own_is_a_minute() -> None:
    """ModernGov's web minutes: '5.' on its own line, then a long title as a paragraph of
    its own ('Determination of an Application for a Premises Licence - The Old Bakery, …')
    is a minute however long its title."""
    text = (
        "Licensing Sub-Committee\nTuesday, 9th March, 2021 7.00 pm\n\n"
        "1.\n\nAppointment of Chair\n\nMinutes:\n\nCouncillor Amos was appointed Chair.\n\n"
        "2.\n\nDeclarations of Interest\n\nMinutes:\n\nNone.\n\n"
        "3.\n\nDetermination of an Application for a New Premises Licence - The Old Bakery and"
        " Yard, 4 High Street, Little Haddon, Westshire, WS4 7QT pdf icon PDF 210 KB\n\n"
        "Minutes:\n\n"
        "RESOLVED that the licence be granted subject to the conditions agreed.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "l.txt").documents
    assert [m.number for m in doc.minutes] == ["1", "2", "3"]
    assert doc.minutes[2].title.startswith("Determination of an Application for a New Premises")
    assert [len(m.decisions) for m in doc.minutes] == [1, 0, 1]


def test_a_motion_moved_on_lines_in_capitals() -> None:
    """'PROPOSED BY COUNCILLOR X' / 'SECONDED BY COUNCILLOR Y' / 'That …' / 'CARRIED': one
    motion, its mover and seconder read from the capitals, its words the 'That' clause."""
    text = (
        "Minutes of the Annual Meeting of the Council held on Wednesday 17 May 2023\n\n"
        "5.\n\nElection of the Deputy Mayor\n\nMinutes:\n\n"
        "PROPOSED BY COUNCILLOR O'BRIEN\n\nSECONDED BY COUNCILLOR DE SOUZA\n\n"
        "That Councillor Patel be elected Deputy Mayor for the Municipal Year 2023/24.\n\n"
        "CARRIED UNANIMOUSLY\n\n"
        "6.\n\nAppointment of Committees\n\nMinutes:\n\n"
        "RESOLVED that the committees be appointed as set out.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "g.txt").documents
    (elected,) = doc.minutes[0].decisions
    assert elected.mover == "Councillor O'Brien" and elected.seconder == "Councillor De Souza"
    assert elected.outcome == "carried"
    from kb.parse.decisions import strip_formula

    assert strip_formula(elected.text).startswith("Councillor Patel be elected Deputy Mayor")
    assert len(doc.minutes[1].decisions) == 1


@pytest.mark.parametrize(
    ("title", "committee"),
    [
        ("Parish Council Meeting Minutes 14th June 2022", "Parish Council"),
        ("Draft council meeting minutes 14th June 2022", "Council"),
        ("Unconfirmed Planning Committee minutes 14 June 2022", "Planning Committee"),
    ],
)
def test_a_body_named_before_meeting_minutes_and_the_date(title: str, committee: str) -> None:
    """'<Body> (meeting) minutes <date>' on one line names the meeting's body and date."""
    text = f"{title}\n\nPresent: Cllrs Amos, Bell\n\n1. Apologies\n\nNone.\n\n2. Footpaths\n\nIt was agreed to repair the stile.\n"
    (doc,) = parse_pack([Page(text, None, 0)], "m.txt").documents
    assert doc.meeting is not None
    assert (doc.meeting.committee, doc.meeting.date) == (committee, "2022-06-14")


def test_a_welsh_title_block_and_headings_in_capitals() -> None:
    """'Cofnodion cyfarfod Cyngor Tref Aberwen - 03/05/22' (minutes of a meeting of Aberwen
    Town Council) names the meeting, as in English; unnumbered headings in capitals on
    lines of their own are its minutes; 'PRESENNOL' (present) is attendance, not a minute,
    and its first name is not a name run on from the line above."""
    text = (
        "Cofnodion cyfarfod Cyngor Tref Aberwen - 03/05/22\n\n"
        "PRESENNOL\n\nCllr. Gwen Price (Chair), Alun Davies, Siân Morgan\n\n"
        "YMDDIHEURIADAU\n\nCllr. Rhys Owen\n\n"
        "COFNODION\n\nThe minutes of the meeting held on 5 April 2022 were accepted as correct.\n\n"
        "GOHEBIAETH\n\nA letter from the Eisteddfod asked for a donation. It was agreed to give"
        " £50.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "w.txt").documents
    assert doc.meeting is not None
    assert (doc.meeting.committee, doc.meeting.date) == ("Aberwen Town Council", "2022-05-03")
    assert doc.meeting.chair == "Cllr. Gwen Price"
    assert doc.meeting.present == "Cllr. Gwen Price (Chair), Alun Davies, Siân Morgan"
    assert [m.title.upper() for m in doc.minutes] == ["YMDDIHEURIADAU", "COFNODION", "GOHEBIAETH"]
    assert [d.outcome for d in doc.minutes[1].decisions] == ["approved"]
    assert [d.outcome for d in doc.minutes[2].decisions] == ["agreed"]


def test_a_two_digit_year_after_the_month_and_square_bracketed_numbers() -> None:
    """'the 14th of March 24' is 14 March 2024 where no full date is printed (a number that
    runs on is no year); '[3]', '[3.1]', '[3.2]' number a minute and its parts."""
    from kb.parse.dates import parse_date

    assert parse_date("Minutes of meeting held on the 14th of March 24") == "2024-03-14"
    assert parse_date("held on 5 June 24 councillors attended") is None
    text = (
        "Bryncoed Community Council\n\nMinutes of meeting held on the 14th of March 24\n\n"
        "Present were Cllrs Hughes, Jones and Owen.\n\n"
        "[3]  Correspondence – letters received\n\n"
        "[3.1] Air Ambulance – a request for a donation – it was decided to give £100.\n\n"
        "[3.2] Audit Wales – the report on the accounts was noted.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "b.txt").documents
    assert doc.meeting is not None
    assert (doc.meeting.committee, doc.meeting.date) == (
        "Bryncoed Community Council",
        "2024-03-14",
    )
    assert [m.number for m in doc.minutes] == ["3", "3.1", "3.2"]


def test_a_named_vote_between_two_nominees_with_totals() -> None:
    """Two nominations ('Cllr A proposed that Cllr Penn be elected …'), a 'Recorded vote'
    label (no item of its own), then 'For Cllr Penn: Cllrs … Total 3' for each candidate:
    each nomination gets its count and its voters, the other's count against, and the
    resolution electing one is that nomination's decision, carried."""
    text = (
        "Agenda and minutes\n\nAnnual Council, Council - Wednesday, 17th May, 2023 6.00 pm\n\n"
        "No. Item\n\n\nElection of Mayor 2023/24\n\n\n"
        "Cllr Amos proposed that Cllr Penn be elected Mayor for 2023/24, this was seconded by"
        " Cllr Bell.\n\n\n"
        "Cllr Cole proposed that Cllr Quince be elected Mayor for 2023/24, this was seconded by"
        " Cllr Dunn.\n\n\n"
        "Recorded vote under Standing Order 18\n\n\n"
        "For Cllr Penn: Cllrs Amos, Bell, Eyre    Total 3\n\n\n"
        "For Cllr Quince: Cllrs Cole, Dunn   Total 2\n\n\n"
        "RESOLVED that Cllr Penn be elected Mayor for 2023/24.\n\n\n"
        "Appointment of Deputy Mayor\n\n\n"
        "RESOLVED that Cllr Eyre be appointed Deputy Mayor.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "a.txt").documents
    assert [m.title for m in doc.minutes] == [
        "Election of Mayor 2023/24",
        "Appointment of Deputy Mayor",
    ]
    lost, elected = doc.minutes[0].decisions
    assert "Quince" in lost.text and lost.outcome == "lost"
    assert lost.votes == {"for": 2, "against": 3}
    assert "Penn" in elected.text and elected.outcome == "carried" and elected.mover == "Cllr Amos"
    assert elected.votes == {"for": 3, "against": 2}
    assert elected.voters == {"for": ("Amos", "Bell", "Eyre"), "against": ("Cole", "Dunn")}


def test_minutes_set_out_as_bullets_are_minutes_of_their_meeting() -> None:
    """'Inaugural Meeting of the … Community Council held in … on Tuesday 4 October 2022'
    over a bulleted record ('- An apology …', '- It was agreed to appoint …') with no
    attendance label and no numbers: the title dates and names the meeting."""
    text = (
        "Inaugural Meeting of the Glenmore Community Council held in the Village Hall,"
        " Glenmore on Tuesday 4 October 2022\n"
        "Minutes (to be approved)\n"
        "- The Returning Officer welcomed all to the meeting.\n"
        "- An apology for absence was received from Ann Reid.\n"
        "- There were no declarations of interest.\n"
        "- It was agreed to appoint Iain Ross as Convener of the Community Council.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "g.txt").documents
    assert doc.meeting is not None
    # (a typed meeting is named by its type, as kb names every one: 'Inaugural Meeting')
    assert (doc.meeting.committee, doc.meeting.date) == ("Inaugural Meeting", "2022-10-04")


def test_an_election_told_then_resolved_is_one_decision_of_its_nomination() -> None:
    """'It was proposed by X and seconded by Y that Z be nominated …' / 'There being no
    further nominations, Z was elected unopposed.' / 'RESOLVED - That Z be appointed …': one
    decision, the resolution's words, the nomination's mover and seconder."""
    text = (
        "Minutes of the Annual Meeting of the Council held on Tuesday 21 May 2024\n\n"
        "3.\n\nAppointment of Chair\n\nMinutes:\n\n"
        "It was proposed by Councillor Amos and seconded by Councillor Bell that Councillor"
        " Cole be nominated for the position of Chair of the Council for 2024/25.\n\n"
        "There being no further nominations, Councillor Cole was elected unopposed.\n\n"
        "RESOLVED - That Councillor Cole be appointed as the Chair of the Council for 2024/25.\n\n"
        "4.\n\nApologies\n\nMinutes:\n\nNone.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "m.txt").documents
    (elected,) = doc.minutes[0].decisions
    assert elected.text.startswith("RESOLVED - That Councillor Cole be appointed")
    assert (elected.mover, elected.seconder) == ("Councillor Amos", "Councillor Bell")
    assert elected.outcome == "agreed"


def test_decision_words_after_movers_a_present_tense_formula_and_a_vote() -> None:
    """The words of a decision leave out who moved it and how it was carried, however the
    clerk prints them; 'Resolve:' opens a decision even after a line with no stop."""
    from kb.parse.decisions import outcome, strip_formula

    assert strip_formula(
        "Moved by Councillor Ray Hunt            Seconded by Councillor Jo Lee\n\nandRESOLVED:"
        "\n\nThat the Minutes of the meeting held on 3 March 2021 be approved."
    ).startswith("the Minutes of the meeting held on 3 March 2021")
    assert strip_formula(
        "Resolve: Proposed by Cllr Ives, seconded by Cllr Barr, by unanimous vote, that the"
        " meeting is adjourned"
    ) == ("the meeting is adjourned")
    assert strip_formula("Resolve: by a unanimous vote that the apologies are accepted.") == (
        "the apologies are accepted."
    )
    assert outcome("Council agreed to support Option B.") == "agreed"
    assert outcome("Members agreed to defer the item to March.") == "deferred"
    text = (
        "Minutes of the Planning Committee held on Tuesday 20 December 2005\n\n"
        "128.\nApologies for absence\nCllrs Amos (family), Bell (work)\n"
        "Resolve: by a unanimous vote that the above Apologies are accepted.\n"
        "129.\nPlanning Applications\nNone were received.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "s.txt").documents
    assert [len(m.decisions) for m in doc.minutes] == [1, 0]
    assert doc.minutes[0].decisions[0].outcome == "carried"  # by a unanimous vote


def test_a_vote_lost_by_more_votes_than_it_won() -> None:
    """'The amendment was lost by 29 votes to 9': the first count is the winning side's, so
    9 for and 29 against; 'carried by 24 votes to 9' stays as printed."""
    from kb.parse.votes import parse_votes

    assert parse_votes("The amendment was lost by 29 votes to 9.") == {"for": 9, "against": 29}
    assert parse_votes("carried by 24 votes to 9") == {"for": 24, "against": 9}


def test_run_in_titles_closed_by_colon_dash_and_a_meeting_that_took_place() -> None:
    """'1. Apologies for absence:- Cllr Reed. Accepted.' is minute 1, 'Apologies for absence';
    'AN ORDINARY meeting of … Parish Council took place on Monday 11th Sept 2017' dates it."""
    text = (
        "AN ORDINARY meeting of Ashby Parva Parish Council took place on Monday 11th Sept 2017"
        " at 7.00pm at the Village Hall.\n"
        "Present:- Cllr Amos (Chairman), Cllr Bell, Cllr Cole.\n"
        "1. Apologies for absence:- Cllr Reed. Accepted.\n"
        "2. Correspondence:- Circulated. Council agreed to support Option B.\n"
        "3. Financial matters:- Council resolved to pay the clerk's salary.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "a.txt").documents
    assert doc.meeting is not None and doc.meeting.date == "2017-09-11"
    assert [m.title for m in doc.minutes] == [
        "Apologies for absence",
        "Correspondence",
        "Financial matters",
    ]
    assert [len(m.decisions) for m in doc.minutes] == [0, 1, 1]


def test_title_blocks_after_a_salutation_and_before_a_page_title() -> None:
    """'To all members of Council: - Minutes of a HOLTON TOWN COUNCIL MEETING held at … on the
    13th November 2018' (a salutation before the title) and ModernGov's 'Planning Committee -
    Wednesday, 13th October, 2021 7.00 pm - Agenda and minutes' (the page's title after the
    meeting's line) each name and date the meeting; five-digit running numbers over run-in
    titles ('18617 Code of Conduct. …') are its minutes, a phone number ('01252 398829') none."""
    text = (
        "HOLTON TOWN COUNCIL\n\n"
        "To all members of Council: - Minutes of a HOLTON TOWN COUNCIL MEETING held at the"
        " Centre Chambers, Holton on the 13th November 2018 at 6.30pm.\n\n"
        "18617 Code of Conduct/Declaration of Interest. No interests were declared.\n\n"
        "18618 Public Participation – no members of the public attended.\n\n"
        "18619 Ratification of the minutes of the meeting held on 30th October 2018. The minutes"
        " were ratified. Proposed: Cllr Beard Seconded: Cllr Fish Voting: Unanimous.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "h.txt").documents
    assert doc.meeting is not None
    assert (doc.meeting.committee, doc.meeting.date) == ("Holton Town Council", "2018-11-13")
    assert [m.number for m in doc.minutes] == ["18617", "18618", "18619"]
    (ratified,) = doc.minutes[2].decisions
    assert ratified.outcome == "carried" and ratified.mover == "Cllr Beard"
    page = (
        "Planning Committee - Wednesday, 13th October, 2021 7.00 pm - Agenda and minutes\n\n"
        "Venue: Council Offices\n\nContact: 01252 398829\n\nItems\nNo. Item\n\n"
        "35.\n\nDeclarations of interest\n\nMinutes:\n\nThere were none.\n\n"
        "36.\n\nMinutes\n\nMinutes:\n\nThe Minutes were approved as a correct record.\n"
    )
    (doc,) = parse_pack([Page(page, None, 0)], "p.txt").documents
    assert doc.meeting is not None
    assert (doc.meeting.committee, doc.meeting.date) == ("Planning Committee", "2021-10-13")
    assert [m.number for m in doc.minutes] == ["35", "36"]


def test_a_substantive_motion_counted_after_an_amendment_that_passed() -> None:
    """'X proposed …, seconded by Y.' / 'Z then proposed an amendment, that … Seconded by W. A
    vote was taken on the amendment, which was passed.' / 'The substantive motion was then
    voted on: For: 4; Against: 1; Abstention: 1. Carried.': the amendment carried, the motion
    carried 4-1-1, each with its own mover."""
    text = (
        "Minutes of the Annual Council Meeting held on Thursday 18th June 2020\n\n"
        "17. TO RECEIVE AND APPROVE THE MINUTES OF THE FINANCE MEETING HELD ON 15TH JUNE 2020"
        " AND TO CONFIRM THE RECOMMENDATIONS THEREIN:-\n\n"
        "Councillor Amos proposed an increase of 10% on the current allowance, seconded by"
        " Councillor Bell.\n\n"
        "Councillor Cole then proposed an amendment, that the allowance is the same as Band 2."
        "  Seconded by Councillor Dunn.  A vote was taken on the amendment, which was passed.\n\n"
        "The substantive motion was then voted on: For: 4; Against: 1; Abstention: 1.  Carried.\n\n"
        "18. CLOSE\n\nThe meeting closed at 8pm.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "b.txt").documents
    assert [m.number for m in doc.minutes] == ["17", "18"]
    amendment, motion = doc.minutes[0].decisions
    assert (amendment.kind, amendment.outcome, amendment.mover) == (
        "amendment",
        "carried",
        "Councillor Cole",
    )
    assert motion.outcome == "carried" and motion.mover == "Councillor Amos"
    assert motion.votes == {"for": 4, "against": 1, "abstain": 1}


def test_moved_seconded_and_agreed_over_quoted_words() -> None:
    """'Proposed by Councillor G. Hart' / 'Seconded by Councillor A. Nolan' / 'AND AGREED' /
    '“To confirm the Minutes of the Special Meeting …”': one decision, its words the quoted
    ones, the minutes approved; initials with stops stay in the names."""
    text = (
        "Minutes of March Ordinary Meeting of Glenard County Council held on 12th March 2012 at"
        " 11am in County Hall\n\nMEMBERS PRESENT:\n\n  • Councillor Hart,\n  • Councillor Nolan.\n\n"
        "1.  MINUTES OF THE SPECIAL MEETING HELD ON 20TH FEBRUARY, 2012:\n\n"
        "Proposed by Councillor G. Hart\n\nSeconded by Councillor A. Nolan\n\nAND AGREED\n\n"
        "“To confirm the Minutes of the Special Meeting held on 20th February, 2012.”\n\n"
        "2.  CORRESPONDENCE:\n\nThe correspondence was noted.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "g.txt").documents
    (confirmed,) = doc.minutes[0].decisions
    from kb.parse.decisions import strip_formula

    assert strip_formula(confirmed.text).startswith("To confirm the Minutes of the Special Meeting")
    assert (confirmed.mover, confirmed.seconder) == ("Councillor G. Hart", "Councillor A. Nolan")
    assert confirmed.outcome == "approved"


def test_a_title_and_numbers_glued_by_the_text_layer() -> None:
    """'Meeting of the ASHTON TOWN COUNCIL held in the Town Hall on WEDNESDAY, 17MAY 2017at
    7:00 p.m.' names and dates the meeting (a day glued to a month in capitals, a year to the
    word after it); '17/2DECLARATION OF INTERESTS' is minute 17/2."""
    from kb.parse.dates import parse_date

    assert parse_date("on WEDNESDAY, 17MAY 2017at 7:00 p.m.") == "2017-05-17"
    assert parse_date("item 17may 2017") is None  # (only a month in capitals is read glued)
    text = (
        "Ashton Town Council\n"
        "Meeting of the ASHTON TOWN COUNCIL held in the Town Hall, Ashton on WEDNESDAY, 17MAY"
        " 2017at 7:00 p.m.\n"
        "PRESENT: - Cllr. Reed, Town Mayor, in the Chair.\n"
        "17/1 APOLOGIES\nApologies were received from Cllr. Jones.\n"
        "17/2DECLARATION OF INTERESTS\nThere were no interests declared.\n"
        "17/3 ELECTION OF MAYOR\nCllr. Reed was elected unanimously.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "a.txt").documents
    assert doc.meeting is not None
    assert (doc.meeting.committee, doc.meeting.date) == ("Ashton Town Council", "2017-05-17")
    assert [m.number for m in doc.minutes] == ["17/1", "17/2", "17/3"]


def test_a_flattened_meeting_split_at_its_title_attendance_and_lettered_numbers() -> None:
    """A whole meeting on one line (a web copy): '- 12 - HOLBY BOROUGH COUNCIL 26th April,
    2017 A meeting of the Holby Borough Council was held at … on Wednesday, 26th April, 2017.
    Present The Mayor … CL58 Minutes … CL59 Interests … CL60 Announcements …' is split before
    the title, the attendance and each 'CL' number; 'MINUTES OF A … MEETING HELD AT … ON
    THURSDAY 12 OCTOBER 2017 Present Councillor …' before the attendance."""
    line = (
        "- 12 - HOLBY BOROUGH COUNCIL 26th April, 2017 A meeting of the Holby Borough Council was"
        " held at the Town Hall, Holby, on Wednesday, 26th April, 2017. Present The Mayor"
        " (Councillor J. Amos) Councillors B. Bell, C. Cole and D. Dunn Apologies for absence were"
        " received from Councillor E. Eyre CL58 Minutes RESOLVED that the minutes of the meeting"
        " held on 15th February, 2017 be approved as a correct record. CL59 Interests No"
        " interests were declared. CL60 Announcements The Mayor announced the charity quiz."
        " CL61 Petitions RESOLVED that the petition be referred to the Cabinet.\n"
    )
    (doc,) = parse_pack([Page(line, None, 0)], "h.txt").documents
    assert doc.meeting is not None and doc.meeting.date == "2017-04-26"
    assert [m.number for m in doc.minutes] == ["CL58", "CL59", "CL60", "CL61"]
    assert [len(m.decisions) for m in doc.minutes] == [1, 0, 0, 1]
    line = (
        "HOLBY PARISH COUNCIL MINUTES OF A PARISH COUNCIL MEETING HELD AT HOLBY VILLAGE HALL ON"
        " THURSDAY 12 OCTOBER 2017 Present Councillor J Amos (Chairman) Councillor B Bell"
        " Councillor C Cole Parish Clerk – D Dunn No members of the public 267 Apologies"
        " Apologies for absence were received from Cllr Eyre. 268 Declarations of Interest Cllr"
        " Bell declared an interest in item 270 below. 269 Minutes RESOLVED"
        " that the minutes of the meeting held on 14 September 2017 be approved as a correct"
        " record and signed. 270 Planning No applications had been received this month.\n"
    )
    (doc,) = parse_pack([Page(line, None, 0)], "r.txt").documents
    assert doc.meeting is not None and doc.meeting.date == "2017-10-12"
    assert [m.number for m in doc.minutes] == ["267", "268", "269", "270"]


def test_movers_named_by_their_initials() -> None:
    """A parish's minutes name members by their initials: 'Proposed (AH) & Seconded (SB)
    that …', 'Proposed AH, seconded SB that …', 'Proposed: AH Seconded: SB'; the decision's
    words are what follows 'that', whatever short label comes before."""
    from kb.parse.decisions import strip_formula
    from kb.parse.votes import movers

    assert movers("Proposed (AH) & Seconded (SB) that the minutes be approved.") == ("AH", "SB")
    assert movers("Proposed AH, seconded SB that the grant be paid.") == ("AH", "SB")
    assert movers("Proposed: AH Seconded: SB") == ("AH", "SB")
    assert movers("Proposed by A.H. and seconded by S.B. that") == ("A.H", "S.B")
    assert movers("Proposed by the Chairman that the report be noted.") == ("the Chairman", None)
    text = (
        "Minutes of the Meeting of Holby Community Council held on 19 July 2022\n\n"
        "Present: Cllr A Hughes (Chair), Cllr S Bell\n\n"
        "5 To approve the minutes of previous meetings.\n\n"
        "Full Council 21/6/2022 - Proposed (AH) & Seconded (SB) that the minutes be approved as"
        " correct. Unanimously agreed and signed by the Chair.\n\n"
        "6 Grants\n\n"
        "Proposed SB, seconded AH that a grant of £100 be paid to the playgroup. All agreed.\n\n"
        "7 Planning\n\nNo applications.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "h.txt").documents
    found = [(m.number, d) for m in doc.minutes for d in m.decisions]
    assert [(n, d.mover, d.seconder, d.outcome) for n, d in found] == [
        ("5", "AH", "SB", "approved"),
        ("6", "SB", "AH", "agreed"),
    ]
    assert strip_formula(found[0][1].text).startswith("the minutes be approved as correct")
    assert strip_formula(found[1][1].text).startswith("a grant of £100 be paid")


def test_a_motion_that_points_back_to_the_sentence_before() -> None:
    """'Approval had been received for the co-option of Mary Brown.  This was proposed by
    Cllr Smith and seconded by Cllr Jones.': the motion is the words before it (its outcome
    is the vote's, not 'received'); a sentence in a paragraph of its own is not taken."""
    text = (
        "Minutes of the Meeting of Holby Parish Council held on 3 March 2021\n\n"
        "1 Co-option\n\n"
        "Approval had been received from the district for the co-option of Mary Brown.  This was"
        " proposed by Cllr Smith and seconded by Cllr Jones.\n\n"
        "2 Bench\n\n"
        "The clerk asked whether a bench should be bought for the green. This was proposed by"
        " Cllr Jones and seconded by Cllr Smith. Carried unanimously.\n\n"
        "3 Hall\n\n"
        "The hall roof needs repair.\n\n"
        "This was proposed by Cllr Smith and seconded by Cllr Jones.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "h.txt").documents
    (coopt,), (bench,), (hall,) = (m.decisions for m in doc.minutes)
    assert coopt.text.startswith("Approval had been received from the district for the co-option")
    assert (coopt.mover, coopt.seconder, coopt.outcome) == ("Cllr Smith", "Cllr Jones", None)
    assert bench.text.startswith("The clerk asked whether a bench should be bought")
    assert (bench.mover, bench.outcome) == ("Cllr Jones", "carried")
    assert hall.text.startswith("This was proposed by Cllr Smith")


def test_running_numbers_like_years_with_run_in_titles() -> None:
    """Running minute numbers that look like years ('1954 Public Participation. There was
    nothing …', '1956 Matters Arising: The Clerk …') have their run-in titles split off as
    any number's do; a heading that is itself what was done ('1955 Minutes of the meeting
    held on the 5th November were approved and signed by the chairman.'), with nothing
    under it, is the minute's decision."""
    text = (
        "Minutes of the Meeting of Holby Parish Council held on the 7th January 2019\n\n"
        "Present: R Winter (Chairman), M Burton, B Hancock\n\n"
        "1953       The Chairman welcomed the members of the public\n\n"
        "1954       Public Participation. There was nothing to report from the public.\n\n"
        "1955       Minutes of the meeting held on the 5th November were approved and signed by"
        " the chairman.\n\n"
        "1956       Matters Arising:       The Clerk had received notification of a new polling"
        " station.\n\n"
        "1957       Grass Cutting: It was agreed the Clerk would ask for a new quote.\n\n"
        "1958       Planning:       There were no applications.\n"
    )
    (doc,) = parse_pack([Page(text, None, 0)], "h.txt").documents
    assert [(m.number, m.title) for m in doc.minutes] == [
        ("1953", "The Chairman welcomed the members of the public"),
        ("1954", "Public Participation"),
        (
            "1955",
            "Minutes of the meeting held on the 5th November were approved and signed by the chairman",
        ),
        ("1956", "Matters Arising"),
        ("1957", "Grass Cutting"),
        ("1958", "Planning"),
    ]
    (approved,) = doc.minutes[2].decisions
    assert approved.outcome == "approved" and approved.text.startswith("Minutes of the meeting")
    assert [len(m.decisions) for m in doc.minutes] == [0, 0, 1, 0, 1, 0]

"""Decisions in every form the parse issue lists, on constructed minutes: formulas,
sentences, parish resolutions, decision fields, outcomes, votes, movers, amendments."""

from __future__ import annotations

import pytest

from kb.model import Line
from kb.parse.decisions import find_decisions, outcome, strip_formula
from kb.parse.votes import movers, parse_voters, parse_votes


def lines(text: str, page: int = 1) -> list[Line]:
    return [Line(t, page) for t in text.strip("\n").splitlines()]


def only(text: str):
    found = find_decisions(lines(text))
    assert len(found) == 1, [d.text for d in found]
    return found[0]


@pytest.mark.parametrize(
    ("body", "opening", "expected"),
    [
        ("RESOLVED:\n\nThat the report be noted.", "the report be noted", "noted"),
        ("Resolved: That the revised policy be approved.", "the revised policy be", "approved"),
        ("Resolved – that the questions and responses be noted.", "the questions and", "noted"),
        ("It was RESOLVED that the scheme be adopted.", "the scheme be adopted", "agreed"),
        (
            "It was AGREED that the Clerk writes to the Highways Authority.",
            "the Clerk writes",
            "agreed",
        ),
        (
            "It was APPROVED that the minutes be signed as a correct record.",
            "the minutes be signed",
            "approved",
        ),
        (
            "3. RESOLVED that Cabinet agree to:\n\nA) Note the overspend.\nb) Agree the changes.",
            "Cabinet agree to",
            "agreed",
        ),
        (
            "That the Committee:\n1. noted the performance report; and\n2. approved the virements.",
            "the Committee: 1. noted",
            "noted",
        ),
        (
            "The Board agreed to commission £3.4m of adult skills provision.",
            "The Board agreed to",
            "agreed",
        ),
        ("The report was otherwise noted.", "The report was otherwise", "noted"),
        ("NOTED", "", "noted"),
        (
            "RESOLVED: That (1) the report be noted; (2) the plan be ratified.",
            "the report be noted",
            "approved",
        ),
        (
            "RESOLVED: That the item be deferred to the next meeting.",
            "the item be deferred",
            "deferred",
        ),
        (
            "RESOLVED: That the Director be requested to report back.",
            "the Director be requested",
            "agreed",
        ),
    ],
)
def test_formula_and_sentence_forms(body: str, opening: str, expected: str) -> None:
    d = only(body)
    words = strip_formula(d.text)
    assert words.startswith(opening) if opening else words == ""
    assert d.outcome == expected


def test_parish_resolution_inside_a_sentence() -> None:
    found = find_decisions(
        lines(
            "Three quotations had been circulated. After discussion it was unanimously resolved to pay\n"
            "£250 per cut to Greenscape Ltd for up to eight cuts.\n"
            "The Clerk reported on the bus shelter."
        )
    )
    assert len(found) == 1
    assert strip_formula(found[0].text).startswith("pay £250 per cut")
    assert found[0].outcome == "agreed"
    assert found[0].votes is None  # 'unanimously resolved' is a formula, not a count


def test_parish_resolved_not_to() -> None:
    d = only(
        "Owing to the restrictions it was resolved not to hold an Annual Parish Meeting in 2021."
    )
    assert strip_formula(d.text).startswith("not to hold")


def test_decision_notice_field() -> None:
    d = only(
        "(d)\nDecision taken:\nCabinet RESOLVED to:\n(1) adopt the Plan; and\n(2) delegate authority.\n"
        "(e)\nReasons for decision:\nThe Plan provides the evidence base."
    )
    assert strip_formula(d.text).startswith("adopt the Plan")
    assert "evidence base" not in d.text  # the next field of the form ends the decision


def test_carried_with_counts_and_mover_before_the_resolution() -> None:
    d = only(
        "It was proposed by Councillor Adeyemi and seconded by Councillor Hollis that the\n"
        "recommendations be approved.\n"
        "On being put to the vote the motion was CARRIED (7 voting FOR, 2 voting AGAINST).\n"
        "It was RESOLVED that\n(1) the policy be approved;\n(2) a report be made in six months."
    )
    assert d.outcome == "carried"
    assert d.votes == {"for": 7, "against": 2}
    assert (d.mover, d.seconder) == ("Councillor Adeyemi", "Councillor Hollis")
    assert strip_formula(d.text).startswith("the policy be approved")


def test_lost_motion_then_the_resolution() -> None:
    found = find_decisions(
        lines(
            "Councillor Brennan proposed and Councillor Lomax seconded that the item be deferred.\n"
            "On being put to the vote the proposal was LOST (3 voting FOR, 6 voting AGAINST).\n"
            "It was then proposed by Councillor Marsh and seconded by Councillor Fairbairn that the\n"
            "recommendation be approved. The motion was CARRIED (6 voting FOR, 2 voting AGAINST, 1 abstention).\n"
            "RESOLVED: That the Cabinet be recommended to designate the ward."
        )
    )
    assert [(d.outcome, d.votes, d.mover) for d in found] == [
        ("lost", {"for": 3, "against": 6}, "Councillor Brennan"),
        ("carried", {"for": 6, "against": 2, "abstain": 1}, "Councillor Marsh"),
    ]
    assert strip_formula(found[0].text).startswith("the item be deferred")


def test_amendments_and_substantive_motion_with_named_votes() -> None:
    found = find_decisions(
        lines(
            "1) Mr R Hawthorne moved and Mr S Pryce seconded the recommendations of the Cabinet.\n"
            "2) Mrs A Lindqvist proposed and Mr K Obi seconded the following amendment:\n"
            "“Add a new recommendation (f).”\n"
            "3) The amendment was put to the vote and was LOST. A recorded vote was taken:\n"
            "For (2): Mr Z Ahmed, Ms N Bhatt\n"
            "Against (3): Mr H Abbott, Mrs J Ashdown, Mrs L Baines\n"
            "Abstain (1): Dr M Ferris\n"
            "4) Mr G Tennant proposed and Miss R Dale seconded the following amendment:\n"
            "“Delete 4.99% and insert 3.99%.”\n"
            "5) With the consent of the seconder Mr Tennant withdrew the amendment.\n"
            "6) The Chairman put the substantive motion to the vote. For 46, Against 22, Abstain 2.\n"
            "7) The substantive motion was CARRIED.\n"
            "8) RESOLVED that Council:\n(a) approves the budget; and\n(b) notes the reserves statement."
        )
    )
    assert [d.kind for d in found] == ["amendment", "amendment", "motion"]
    amendment, withdrawn, motion = found
    assert amendment.outcome == "lost"
    assert amendment.votes == {"for": 2, "against": 3, "abstain": 1}
    assert amendment.voters == {
        "for": ("Mr Z Ahmed", "Ms N Bhatt"),
        "against": ("Mr H Abbott", "Mrs J Ashdown", "Mrs L Baines"),
        "abstain": ("Dr M Ferris",),
    }
    assert (amendment.mover, amendment.seconder) == ("Mrs A Lindqvist", "Mr K Obi")
    assert withdrawn.outcome == "withdrawn"
    assert motion.outcome == "carried"
    assert motion.votes == {"for": 46, "against": 22, "abstain": 2}
    assert (motion.mover, motion.seconder) == ("Mr R Hawthorne", "Mr S Pryce")
    assert strip_formula(motion.text).startswith("Council: (a) approves the budget")
    assert found[-1] is motion  # the last decision is the minute's outcome


def test_all_in_favour_motion() -> None:
    d = only(
        "The existing bench is beyond repair. Cllr Smith proposed and Cllr Jones seconded that the\n"
        "Council purchases a recycled-plastic bench at a cost of £412; all in favour."
    )
    assert d.outcome == "carried" and d.mover == "Cllr Smith" and d.seconder == "Cllr Jones"
    assert strip_formula(d.text).startswith("the Council purchases")


def test_discussion_before_the_resolution_is_not_a_decision() -> None:
    found = find_decisions(
        lines(
            "• Members noted the challenges of managing limited funding.\n"
            "• Members asked about the reserves.\n\n"
            "RESOLVED that Cabinet endorsed the draft budget."
        )
    )
    assert len(found) == 1 and found[0].text.startswith("RESOLVED")


def test_narrative_in_mid_sentence_is_not_a_decision() -> None:
    text = "At the Scrutiny Committee, Members considered the call-in. At that meeting,\nMembers agreed to refer it."
    assert find_decisions(lines(text)) == ()


def test_agenda_recommendation_is_not_a_decision() -> None:
    assert not find_decisions(
        lines("Report of the Director. Recommended: That the Board notes the report.")
    )


def test_same_decision_printed_twice_counts_once() -> None:
    found = find_decisions(
        lines(
            "Decision:\n\nRESOLVED – That the variation be made.\n\nMinutes:\n\n"
            "The recommendation was moved by Councillor Achebe and seconded by Councillor Brook.\n"
            "Following a vote, with 6 members voting in favour and 1 against, it was\n\n"
            "RESOLVED – That the variation be made."
        )
    )
    assert len(found) == 1
    assert found[0].votes == {"for": 6, "against": 1} and found[0].mover == "Councillor Achebe"


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        ("CARRIED (7 voting FOR, 2 voting AGAINST)", {"for": 7, "against": 2}),
        ("carried by 7 votes to 2 with 1 abstention", {"for": 7, "against": 2, "abstain": 1}),
        ("For: 7 Against: 2 Abstentions: 1", {"for": 7, "against": 2, "abstain": 1}),
        ("carried with 5 in favour and 1 against", {"for": 5, "against": 1}),
        ("carried 4 votes to 2", {"for": 4, "against": 2}),
        (
            "The motion was LOST (For 20, Against 47, Abstain 3).",
            {"for": 20, "against": 47, "abstain": 3},
        ),
        ("carried unanimously (6 votes for)", {"for": 6}),
        ("seven votes to two", {"for": 7, "against": 2}),
        ("The contract runs for 12 months.", None),
        ("carried unanimously", None),
        (
            "There voted For: 30, Against: 12, Abstained: 3.",
            {"for": 30, "against": 12, "abstain": 3},
        ),
        ("Members voted 6:2 in favour of the proposal.", {"for": 6, "against": 2}),
        ("The vote was 5-3-1 and the motion was carried.", {"for": 5, "against": 3, "abstain": 1}),
        ("For the Amendment (15) Against the Amendment (36)", {"for": 15, "against": 36}),
        ("The 2019-20 accounts were received.", None),
        ("The meeting voted at 7:30 pm on the item.", None),
    ],
)
def test_vote_counts(text: str, votes: dict[str, int] | None) -> None:
    assert parse_votes(text) == votes


def test_named_voters() -> None:
    assert parse_voters("For (2): Mr A Smith, Mrs B Jones\nAgainst (1): Dr C Brown") == {
        "for": ("Mr A Smith", "Mrs B Jones"),
        "against": ("Dr C Brown",),
    }


def test_named_voters_under_a_label_naming_what_was_voted_on() -> None:
    # 'For the Amendment (15)' on its own line over the names, no colon; a list run on into
    # the next sentence without a full stop ends where that sentence begins
    assert parse_voters(
        "For the Amendment (2)\nCouncillors Atkinson and Brazil\n"
        "Abstain (1): Cllr Kemp The amendment was LOST."
    ) == {"for": ("Councillors Atkinson", "Brazil"), "abstain": ("Cllr Kemp",)}


def test_a_county_council_recorded_vote_on_an_amendment_then_the_motion() -> None:
    found = find_decisions(
        lines(
            "Councillor Hodgson MOVED and Councillor Biederman SECONDED that\n\n"
            "'This Council reaffirms its declaration of a climate emergency.'\n\n"
            "Councillor Dewhirst MOVED and Councillor Hannaford SECONDED the following amendment\n\n"
            "'add at the end: and will report progress to every meeting.'\n\n"
            "In accordance with Standing Order 32 a recorded vote was taken on the Amendment:\n\n"
            "For the Amendment (3)\nCouncillors Atkinson, Brazil and Dewhirst\n\n"
            "Against the Amendment (4)\nCouncillors Berry, Chugg, Croad and Gribble\n\n"
            "Abstentions (1)\nCouncillor Wright\n\n"
            "The Amendment was therefore LOST.\n\n"
            "The Motion was then put to the vote and declared CARRIED."
        )
    )
    assert [d.kind for d in found] == ["amendment", "motion"]
    amendment, motion = found
    # the words moved are the paragraph below the line that moves them
    assert strip_formula(amendment.text).startswith("add at the end")
    assert strip_formula(motion.text).startswith("This Council reaffirms")
    assert amendment.outcome == "lost"
    assert amendment.votes == {"for": 3, "against": 4, "abstain": 1}
    assert amendment.voters is not None
    assert amendment.voters["for"] == ("Councillors Atkinson", "Brazil", "Dewhirst")
    assert motion.outcome == "carried" and motion.mover == "Councillor Hodgson"


def test_the_count_on_the_substantive_motion_is_not_the_amendments() -> None:
    # a recorded vote on the amendment, then a second count before 'RESOLVED': the second
    # is the resolution's, not added to the amendment's; a report received is not voted on
    found = find_decisions(
        lines(
            "3.1 The Council received the report of the Cabinet.\n\n"
            "3.2 Councillor Adams moved, seconded by Councillor Penfold, an amendment to add £2m.\n\n"
            "3.3 A recorded vote was taken:\nFor (20): Cllrs Adams, Penfold\n"
            "Against (50): Cllrs Long, Plant\nAbstain (1): Cllr Kemp\nThe amendment was LOST.\n\n"
            "3.4 The substantive motion was put to the vote and with 51 votes for, 21 against and "
            "1 abstention it was\n\nRESOLVED\n\nTo approve the revenue budget for 2024-25."
        )
    )
    assert [d.kind for d in found] == ["amendment", "resolution"]
    assert found[0].votes == {"for": 20, "against": 50, "abstain": 1}
    assert found[1].votes == {"for": 51, "against": 21, "abstain": 1}
    assert found[1].outcome == "carried"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "proposed by Councillor Jane Smith and seconded by Councillor Tom Brown",
            ("Councillor Jane Smith", "Councillor Tom Brown"),
        ),
        ("Mr X Ray proposed and Mr Y Zed seconded the motion", ("Mr X Ray", "Mr Y Zed")),
        ("Proposed Cllr Smith, seconded Cllr Jones", ("Cllr Smith", "Cllr Jones")),
        (
            "Moved by Councillor Rhodes, seconded by Councillor Abbasi.",
            ("Councillor Rhodes", "Councillor Abbasi"),
        ),
        (
            "On the motion of Councillor Lee, seconded by Councillor Khan, it was",
            ("Councillor Lee", "Councillor Khan"),
        ),
        (  # no article, 'from'
            "On proposal from Councillor Ames seconded by Councillor Boyd and with no objections",
            ("Councillor Ames", "Councillor Boyd"),
        ),
        (
            "Cllr Ansell proposed that Mrs D Penrose be appointed; seconded by Cllr Marchetti.",
            ("Cllr Ansell", "Cllr Marchetti"),
        ),
        (
            "Proposed by Cllr J. R. Smith, seconded by Cllr A.B. Jones",
            ("Cllr J. R. Smith", "Cllr A.B. Jones"),
        ),
        (
            "It was proposed by Councillor Mary\nAnn Smith and seconded by Councillor Tom Brown",
            ("Councillor Mary Ann Smith", "Councillor Tom Brown"),
        ),
        ("Proposer: Cllr Reeves\nSeconder: Cllr Tan", ("Cllr Reeves", "Cllr Tan")),
        (
            "A motion in the name of Councillor Pike, seconded by Councillor Yates, was put.",
            ("Councillor Pike", "Councillor Yates"),
        ),
        (  # a comma between the mover and 'proposed', the seconder in the next sentence
            "Councillor Ruth Okafor, proposed that Councillor Lee be Leader. This was seconded by"
            " Councillor Dan Webb and was put to a vote.",
            ("Councillor Ruth Okafor", "Councillor Dan Webb"),
        ),
    ],
)
def test_movers_and_seconders(text: str, expected: tuple[str, str]) -> None:
    assert movers(text) == expected


@pytest.mark.parametrize(
    ("text", "result", "expected"),
    [
        ("RESOLVED that the minutes are correctly recorded.", None, "approved"),
        ("RESOLVED: That the report be noted.", "carried", "carried"),
        ("RESOLVED: That the application be refused.", None, "agreed"),
        ("RESOLVED: That the report be noted.", None, "noted"),
    ],
)
def test_outcome_rules(text: str, result: str | None, expected: str) -> None:
    assert outcome(text, result, "RESOLVED") == expected


def test_decision_page_and_span() -> None:
    body = [
        Line("Discussion.", 3),
        Line("", 3),
        Line("RESOLVED: That the report", 3),
        Line("be noted.", 4),
    ]
    (d,) = find_decisions(body)
    assert d.page == 3 and (d.start, d.end) == (2, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Further to Minute No. 5 of 12 July 2016 the Committee considered",
            ("5", "2016-07-12", None),
        ),
        (
            "Further to Minute No. 4 of the meeting of the Cabinet held on 25 May 2017 the Committee",
            ("4", "2017-05-25", "Cabinet"),
        ),
        ("agreed by the Council (Minute No. 32 refers).", ("32", None, None)),
        (
            "as recommended by the Housing Committee on 12 March 2024 (minute 38/24).",
            ("38/24", "2024-03-12", "Housing Committee"),
        ),
        (
            "The Clerk reported that, further to minute 24/031, the defibrillator",
            ("24/031", None, None),
        ),
    ],
)
def test_links_between_meetings(text: str, expected: tuple[str, str | None, str | None]) -> None:
    from kb.parse.references import find_references

    (ref,) = find_references(text)
    assert (ref.minute, ref.meeting_date, ref.committee) == expected
    assert ref.describe().startswith(f"follows minute {expected[0]}")


def test_a_minute_of_the_same_meeting_is_not_a_link() -> None:
    from kb.parse.references import find_references

    assert find_references("Councillor Okoro declared an interest in minute 14.") == ()


def test_movers_printed_after_the_resolution_they_moved() -> None:
    d = only(
        "RESOLVED that the grant of £500 be approved. Proposed Cllr Ashworth, seconded Cllr "
        "Dalby, all in favour."
    )
    assert (d.kind, d.outcome, d.mover, d.seconder) == (
        "resolution",
        "carried",
        "Cllr Ashworth",
        "Cllr Dalby",
    )
    assert strip_formula(d.text).startswith("the grant of £500 be approved")


def test_proposer_and_seconder_lines_before_a_parish_resolution() -> None:
    d = only(
        "Proposer: Cllr Reeves\nSeconder: Cllr Tan\n"
        "RESOLVED to accept the quotation of £1,200 for tree works."
    )
    assert (d.mover, d.seconder) == ("Cllr Reeves", "Cllr Tan")
    assert strip_formula(d.text).startswith("accept the quotation of £1,200")


def test_amendment_proposed_then_the_resolution() -> None:
    found = find_decisions(
        lines(
            "Councillor Moss proposed an amendment that the fee be frozen, seconded by Councillor\n"
            "Dean. The amendment was LOST.\nRESOLVED: That the fees be increased by 3%."
        )
    )
    assert [(d.kind, d.outcome, d.mover) for d in found] == [
        ("amendment", "lost", "Councillor Moss"),
        ("resolution", "agreed", None),
    ]
    assert strip_formula(found[-1].text).startswith("the fees be increased by 3%")


def test_received_is_a_decision_only_when_nothing_else_was_decided() -> None:
    alone = only("The Committee received the annual report of the Head of Audit.")
    assert alone.outcome == "noted"
    d = only("The Committee received the report.\nRESOLVED: That the report be noted.")
    assert strip_formula(d.text).startswith("the report be noted")


def test_a_number_in_prose_is_not_a_vote() -> None:
    d = only("The scheme has 12 for the first phase of sites.\nRESOLVED: That the scheme proceed.")
    assert d.votes is None


def test_counts_for_without_against() -> None:
    d = only("On being put to the vote 8 voted for the motion. RESOLVED that the plan be adopted.")
    assert d.votes == {"for": 8}


def test_contested_nominations_each_decided_by_its_count() -> None:
    found = find_decisions(
        lines(
            "The Chair invited nominations. Cllr Hale proposed Cllr Ames which was seconded by\n"
            "Cllr Ross. Cllr Vane proposed Cllr Bell which was seconded by Cllr Hart. A named vote\n"
            "was held on the second nomination; Cllr Bell, 9 voted in favour and 12 against. A named\n"
            "vote was then held on the first nomination; Cllr Ames, 13 voted in favour, 7 against\n"
            "and 1 abstained.\nThe motion was therefore CARRIED and it was:\n"
            "Resolved: That Cllr Ames be appointed Vice-Chair for 2025/26."
        )
    )
    assert [(d.kind, d.outcome, d.votes, d.mover, d.seconder) for d in found] == [
        ("motion", "lost", {"for": 9, "against": 12}, "Cllr Vane", "Cllr Hart"),
        ("motion", "carried", {"for": 13, "against": 7, "abstain": 1}, "Cllr Hale", "Cllr Ross"),
    ]
    assert strip_formula(found[-1].text).startswith("That Cllr Ames be appointed") or strip_formula(
        found[-1].text
    ).startswith("Cllr Ames be appointed")


def test_a_declined_nomination_is_no_decision() -> None:
    d = only(
        "Cllr Holiday proposed Cllr Tong, who declined the nomination.\n"
        "Cllr Tong proposed Cllr Williams, seconded by Cllr Holiday. There being no further\n"
        "nominations it was resolved that Cllr Williams remain as Chairman for the year."
    )
    assert (d.mover, d.seconder) == ("Cllr Tong", "Cllr Holiday")


def test_parish_proposal_lines_with_a_unanimous_vote() -> None:
    d = only(
        "New contract with the security firm considered.\n"
        "Acceptance of their proposal, proposed by Councillor Parry.\n"
        "Seconded by Councillor Pembery\nVote unanimous to accept"
    )
    assert (d.outcome, d.mover, d.seconder) == ("carried", "Councillor Parry", "Councillor Pembery")


@pytest.mark.parametrize(
    ("text", "opening", "votes"),
    [
        (
            "It was RESOLVED by a majority of 4 in favour to 1 against to make no objection.",
            "make no objection",
            {"for": 4, "against": 1},
        ),
        ("It was resolved by a majority vote to accept the quote.", "accept the quote", None),
        ("RESOLVED/-\n\n1. That the Board welcome the new members.", "the Board welcome", None),
    ],
)
def test_formula_variants(text: str, opening: str, votes: dict[str, int] | None) -> None:
    d = only(text)
    assert strip_formula(d.text).startswith(opening)
    assert d.votes == votes


def test_a_decision_field_that_records_nothing_is_no_decision() -> None:
    assert not find_decisions(lines("Decision:\n\nThere were no apologies.\n\nMinutes:\n\nNone."))


def test_resolved_alone_takes_the_next_paragraph_and_the_vote_before_it() -> None:
    d = only(
        "Mr Dignum proposed Mrs Hamilton.\n\nMr Dignum's proposal was duly seconded by Mrs"
        " Lintill.\n\nDecision\n\nMembers voted in favour of the proposal with no votes against"
        " and one abstention.\n\nRESOLVED\n\nThat Mrs Hamilton be elected the Chairman of the"
        " Council for the year.\n\nMrs Hamilton then took the Chair."
    )
    assert (d.outcome, d.mover, d.seconder) == ("carried", "Mr Dignum", "Mrs Lintill")
    assert strip_formula(d.text).startswith("Mrs Hamilton be elected the Chairman")


@pytest.mark.parametrize(
    "text",
    [
        "Mr Philip Hale was appointed Chairman of the Forum for the ensuing year.",
        "Cllr A Green was duly elected Vice-Chairman for 2019/20.",
        "Councillor Mary Rees was co-opted to fill the vacancy.",
    ],
)
def test_an_appointment_is_a_decision(text: str) -> None:
    d = only(text)
    assert d.outcome == "agreed" and d.text.startswith(text.split()[0])


@pytest.mark.parametrize(
    "text",
    [
        "Councillor Smith was elected at the May election and took her seat.",
        "Mr Jones was appointed in 2019 as the clerk.",
    ],
)
def test_narrative_about_an_election_is_not_a_decision(text: str) -> None:
    assert not find_decisions(lines(text))


def test_minutes_signed_as_a_correct_record() -> None:
    d = only(
        "The minutes of the meeting held on 7th January 2019 were signed by the Chairman as a correct record."
    )
    assert d.outcome == "approved"
    assert not find_decisions(lines("The cheques were signed by two members."))


def test_decision_field_with_a_colon_dash() -> None:
    d = only("Decision :-That consideration of the motion be deferred for further reports.")
    assert d.outcome == "deferred" and strip_formula(d.text).startswith(
        "consideration of the motion"
    )


def test_scottish_motion_and_amendment_with_the_seconder_named_first() -> None:
    found = find_decisions(
        lines(
            "At this point, Mr J Grant, seconded by Mr T Pryce, MOVED that the item be considered"
            " at the Area Committee.\n\nAs an AMENDMENT, Mr D Kerr, seconded by Mrs M Dunn, moved"
            " that the matter be considered at this meeting.\n\nOn a vote being taken, the MOTION"
            " received 14 votes and the AMENDMENT received 36 votes and the AMENDMENT was therefore"
            " CARRIED."
        )
    )
    by_kind = {d.kind: d for d in found}
    motion, amendment = by_kind["motion"], by_kind["amendment"]
    assert (motion.mover, motion.seconder, motion.outcome) == ("Mr J Grant", "Mr T Pryce", "lost")
    assert strip_formula(motion.text).startswith("the item be considered")
    assert (amendment.mover, amendment.seconder, amendment.outcome) == (
        "Mr D Kerr",
        "Mrs M Dunn",
        "carried",
    )
    assert amendment.votes == {"for": 36, "against": 14}


def test_a_resolution_ends_where_the_next_agenda_sub_item_begins() -> None:
    # '… Group.' then 'ii) To consider …': the next sub-item, not a part of a list the
    # resolution opened (it opened none); a list it opens runs on over its items
    found = find_decisions(
        lines(
            "RESOLVED to unanimously accept contractor A as recommended by the Group.\n"
            "ii) To consider quotations for the supply of crushed stone.\n"
            "RESOLVED to accept supplier A.\n"
            "RESOLVED that:\n(a) the report be noted.\n(b) the plan be adopted."
        )
    )
    assert [d.text.split("\n")[-1] for d in found] == [
        "RESOLVED to unanimously accept contractor A as recommended by the Group.",
        "RESOLVED to accept supplier A.",
        "(b) the plan be adopted.",
    ]


@pytest.mark.parametrize(
    ("text", "opening", "expected", "mover"),
    [
        (
            "Councillor Allen proposed and Councillor Turnell seconded all in favour of being"
            " signed as a true and correct record.",
            "being signed as a true",
            "carried",
            "Councillor Allen",
        ),
        (
            "Cllr Ames proposed, Cllr Bell seconded, all agreed to pay £250 for grass cutting.",
            "pay £250 for grass cutting",
            "agreed",
            "Cllr Ames",
        ),
        (
            "Councillor Clarkson, the Chair of the Committee, presented the report and moved the"
            " recommendations, which were agreed on being seconded and put to the vote.\n"
            "Council resolved to approve the amended emission standards.",
            "approve the amended emission",
            "approved",
            "Councillor Clarkson",
        ),
    ],
)
def test_parish_and_council_proposals_with_the_result_run_in(
    text: str, opening: str, expected: str, mover: str
) -> None:
    found = find_decisions(lines(text))
    decision = found[-1]
    assert strip_formula(decision.text).startswith(opening)
    assert (decision.outcome, decision.mover) == (expected, mover)


def test_a_unanimous_vote_before_the_resolution_carries_it() -> None:
    d = only(
        "The recommendation was proposed and seconded, and following a unanimous vote in"
        " support, it was\nRESOLVED that the revised Taxi Policy be approved and adopted."
    )
    assert d.outcome == "carried" and strip_formula(d.text).startswith("the revised Taxi")


def test_who_moved_on_is_no_mover() -> None:
    assert movers("Councillor Smith thanked the officers and moved on to the next item.") == (
        None,
        None,
    )


@pytest.mark.parametrize(
    ("text", "outcome", "votes"),
    [
        ("After discussion, the item was deferred to the next meeting.", "deferred", None),
        (
            "Members voted 7 to 3 to refuse the application for the reasons in the report.",
            "carried",
            {"for": 7, "against": 3},
        ),
        ("The application was withdrawn by the applicant before the meeting.", "withdrawn", None),
    ],
)
def test_decisions_in_narrative_sentences(
    text: str, outcome: str, votes: dict[str, int] | None
) -> None:
    d = only(text)
    assert (d.outcome, d.votes) == (outcome, votes)


def test_there_voted_on_the_amendment_and_then_the_substantive_motion() -> None:
    found = find_decisions(
        lines(
            "Councillor Ahmed moved and Councillor Begum seconded the motion as printed.\n"
            "Councillor Green moved and Councillor White seconded the following amendment:\n"
            "\"Delete all after 'This Council' and insert 'notes the report'.\"\n"
            "Following debate, the amendment was put to the vote and there voted: FOR: 12"
            " AGAINST: 40 ABSTAIN: 2; the amendment was declared LOST.\n"
            "The substantive motion was then put to the vote and there voted: FOR: 41 AGAINST:"
            " 11 ABSTAIN: 2; the motion was declared CARRIED.\n"
            "RESOLVED: That this Council calls on the Government to fund adult social care."
        )
    )
    assert [(d.kind, d.outcome, d.votes, d.mover) for d in found] == [
        ("amendment", "lost", {"for": 12, "against": 40, "abstain": 2}, "Councillor Green"),
        ("motion", "carried", {"for": 41, "against": 11, "abstain": 2}, "Councillor Ahmed"),
    ]
    assert strip_formula(found[1].text).startswith("this Council calls on the Government")


def test_a_motion_resolved_by_the_next_sentence_and_an_election_after_nominations() -> None:
    found = find_decisions(
        lines(
            "It was proposed by Cllr Deptford and seconded by Cllr Campion that this meeting"
            " continues as a virtual meeting. All agreed, the Resolution was passed.\n"
            "Cllr Penketh proposed and Cllr Patrick seconded that Cllr Wilson be Chairman. He was"
            " willing to stand. There were no other nominations, Cllr Wilson was elected"
            " unanimously."
        )
    )
    assert [(d.outcome, d.mover) for d in found] == [
        ("agreed", "Cllr Deptford"),
        ("agreed", "Cllr Penketh"),
    ]
    assert strip_formula(found[1].text) == "Cllr Wilson was elected unanimously."


def test_proposed_that_with_a_colon_is_a_formula() -> None:
    assert strip_formula("Councillor Astley proposed that:\nAPC would not support it") == (
        "APC would not support it"
    )


def test_a_recorded_vote_whose_counts_close_each_list() -> None:
    d = only(
        "Councillor Astley proposed that:\nAPC would not support planning application 16/00619/F.\n"
        "This was seconded by Councillor Gill and a recorded vote was requested.\n"
        "The recorded vote was as follows:\n\n"
        "In favour of the proposal:  Councillors Astley, Gill, Jelfs and Shallis. (4)\n\n"
        "Against the proposal:  Councillor Lyons, Bratt, Leeman, Phipps and Rye. (5)\n\n"
        "Abstentions: Councillor Griffiths. (1)"
    )
    assert (d.outcome, d.votes) == ("lost", {"for": 4, "against": 5, "abstain": 1})
    assert (d.mover, d.seconder) == ("Councillor Astley", "Councillor Gill")


def test_a_motion_moved_seconded_and_referred() -> None:
    d = only(
        "The motion was moved by Councillor Ali and seconded by Councillor Raja and referred to"
        " the Executive on 28 March 2019 in accordance with Standing Order 5.7."
    )
    assert strip_formula(d.text).startswith("referred to the Executive")
    assert (d.outcome, d.mover, d.seconder) == ("agreed", "Councillor Ali", "Councillor Raja")


def test_short_numeric_dates() -> None:
    from kb.parse.dates import parse_date

    assert parse_date("Extraordinary Meeting 22/07/21 7pm") == "2021-07-22"
    assert parse_date("Ref 22/07/2021") == "2021-07-22"
    assert parse_date("minute 06/09/031") is None  # not a date: a running number's digits run on


def test_it_was_noted_that_is_information_not_a_decision() -> None:
    found = find_decisions(
        lines(
            "It was noted that the Board would be required to approve the final plan in the New"
            " Year.\nThe Panel noted the report."
        )
    )
    assert [strip_formula(d.text) for d in found] == ["The Panel noted the report."]


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        (
            "CM advised that he had reviewed it. After discussion the council agreed to complete"
            " the form as per the attached.",
            "complete the form",
        ),
        (
            "The council agreed payment of £4 to the hall as hire charge.",
            "The council agreed payment",
        ),
        (
            "It was resolved at this point to temporary suspend standing order 70.",
            "temporary suspend standing order",
        ),
    ],
)
def test_decisions_of_a_council_written_in_lower_case_and_with_a_when(
    text: str, opening: str
) -> None:
    d = find_decisions(lines(text))[-1]
    assert strip_formula(d.text).startswith(opening) and d.outcome == "agreed"


def test_counts_printed_line_by_line_under_the_decision() -> None:
    d = only(
        "It was moved by Councillor Keal and seconded by Councillor Cleary that the"
        " recommendations be accepted.\n\nUpon being put to the vote the motion was carried.\n\n"
        "18 For\n\n1 Against\n\n1 Abstention"
    )
    assert (d.outcome, d.votes) == ("carried", {"for": 18, "against": 1, "abstain": 1})


def test_a_nomination_with_no_other_nominations_before_it() -> None:
    d = only(
        "With no other nominations Cllr Dinsdale nominated Cllr Heath to be elected as Chairman,"
        " seconded by Cllr Manuel and passed with a unanimous vote."
    )
    assert (d.mover, d.seconder) == ("Cllr Dinsdale", "Cllr Manuel")
    assert strip_formula(d.text).startswith("Cllr Dinsdale nominated Cllr Heath")


def test_minutes_accepted_after_a_long_clause_with_quoted_words() -> None:
    d = only(
        "The minutes had been circulated prior to the meeting and with the minor amendment of the"
        " name ‘Kala’ homes, were accepted as an accurate record."
    )
    assert d.outcome == "approved"


def test_a_resolution_passed_to() -> None:
    d = only("A resolution was passed to exclude the public from the following confidential item")
    assert d.outcome == "agreed"
    assert strip_formula(d.text) == "exclude the public from the following confidential item"


def test_the_minutes_approved_and_signed_alone_on_a_line() -> None:
    d = only("Approved and signed")
    assert d.outcome == "approved"
    # after a motion in the same line it is the motion's result, not a second decision
    found = find_decisions(
        lines(
            "Proposed (AH) & Seconded (SB) that the minutes be approved as correct. Unanimously"
            " agreed and signed by the Chair."
        )
    )
    assert len(found) <= 1


def test_a_body_receiving_a_report_opens_an_item_it_does_not_decide() -> None:
    assert find_decisions(lines("Cabinet received a report on North East Devolution.")) == ()
    assert only("The Board received the annual audit report.").outcome == "noted"


def test_resolved_and_noted_is_noted() -> None:
    assert only("RESOLVED and noted.").outcome == "noted"


def test_a_short_decision_printed_in_a_pages_decision_and_minutes_blocks_counts_once() -> None:
    found = find_decisions(
        lines("Decision:\nNoted.\n\nMinutes:\nThe Committee received a schedule.\nNOTED.")
    )
    assert len(found) == 1


def test_movers_named_with_abbreviated_titles() -> None:
    d = only(
        "It was proposed by Mr. White and seconded by Mr. Rhodes that Cllr. T. Pendleton be"
        " elected Vice-Chairman of the Panel."
    )
    assert strip_formula(d.text).startswith("Cllr. T. Pendleton be elected")
    assert (d.mover, d.seconder) == ("Mr. White", "Mr. Rhodes")


def test_on_a_proposition_by_and_brackets_naming_who_proposed() -> None:
    d = only(
        "On a proposition by Dr Roscoe, seconded by Mr Rowlands it was agreed that the Parish"
        " Council proceed with the purchase."
    )
    assert (d.mover, d.seconder, d.outcome) == ("Dr Roscoe", "Mr Rowlands", "agreed")
    assert strip_formula(d.text).startswith("the Parish Council proceed")
    d = only(
        "It was AGREED (proposed Mr Parke, seconded Mrs Rae) that the amended minutes of the"
        " meeting held on 2 December 2019 were approved."
    )
    assert strip_formula(d.text).startswith("the amended minutes")
    assert strip_formula("The Parish Council also resolved to delegate to the Clerk.") == (
        "delegate to the Clerk."
    )


def test_resolving_that_the_minutes_be_signed_approves_them() -> None:
    d = only(
        "RESOLVED that the minutes of the following meetings of Council be signed by the"
        " Business Chair and sealed with the Common Seal of the Council."
    )
    assert d.outcome == "approved"
    # another body's minutes are not this meeting's to approve
    assert (
        only("RESOLVED that the minutes of the Planning Committee be circulated.").outcome
        == "agreed"
    )


def test_a_recorded_vote_listed_after_the_result_as_follows() -> None:
    text = (
        "Councillor Adams moved and Councillor Brown seconded the following amendment: 'That the"
        " budget be increased by £1m.'\nUpon a recorded vote being taken the amendment was lost as"
        " follows:\nFor: Councillors Adams and Brown (2)\nAgainst: Councillors Cole, Dane and Eve"
        " (3)\nAbstain: (0)"
    )
    (d,) = find_decisions(lines(text))
    assert (d.kind, d.outcome) == ("amendment", "lost")
    assert d.votes == {"for": 2, "against": 3, "abstain": 0}
    assert parse_votes("For: A and B (2) Against: C, D and E (3) Abstain: (0)") == {
        "for": 2,
        "against": 3,
        "abstain": 0,
    }


def test_a_sentence_ends_at_a_stop_inside_single_quotes() -> None:
    text = (
        "Councillor Adams moved and Councillor Brown seconded the following amendment: 'That the"
        " budget be increased by £1m.' The Chairman used her casting vote against the amendment,"
        " which was therefore lost."
    )
    (d,) = find_decisions(lines(text))
    assert (d.kind, d.outcome, d.mover) == ("amendment", "lost", "Councillor Adams")


def test_a_body_deciding_not_to() -> None:
    d = only(
        "The committee decided not to award grants to the Buildings Record and the Bowls Club."
    )
    assert strip_formula(d.text).startswith("not to award grants")
    assert d.outcome == "agreed"


def test_an_amendment_as_follows_not_passed_then_its_named_vote() -> None:
    found = find_decisions(
        lines(
            "Councillor Rowe moved an amendment to the recommendations as follows, this was"
            " seconded by Councillor Dale –\n"
            "1.    The Council notes the new political balance;\n"
            "2.    Chairs would be appointed in line with it.\n"
            "The Mayor advised that if this amendment was passed, it would be referred to the"
            " Audit Committee.\n"
            "Following a discussion, the amendment was not passed.\n"
            "For (4)\nCouncillors Rowe, Dale, Ince and Jay.\n"
            "Against (30)\nCouncillors Abel, Bird, Cole and others.\n"
            "Abstain (2)\nCouncillors Kay and Lamb.\n"
            "The Council agreed to approve the appointments as set out in the report."
        )
    )
    assert [(d.kind, d.outcome, d.votes, d.mover) for d in found] == [
        ("amendment", "lost", {"for": 4, "against": 30, "abstain": 2}, "Councillor Rowe"),
        ("resolution", "agreed", None, None),
    ]
    assert "The Council notes the new political balance" in found[0].text
    assert found[1].text.startswith("The Council agreed to approve the appointments")


def test_moved_and_seconded_and_then_the_resolution_on_the_next_line() -> None:
    d = only(
        "It was moved by Councillor Ann Lee, seconded by Councillor Bob Ray and\n"
        "That the minutes of the meeting held on 12 March 2024 be approved as a correct record.\n"
        "11 For\n0 Against\n2 Abstentions\nThe Chair declared the motion CARRIED."
    )
    assert strip_formula(d.text).startswith("the minutes of the meeting held on 12 March")
    assert (d.outcome, d.votes, d.mover) == (
        "carried",
        {"for": 11, "against": 0, "abstain": 2},
        "Councillor Ann Lee",
    )


def test_resolved_for_a_person_to() -> None:
    d = only(
        "On proposal from Councillor Ames seconded by Councillor Boyd and with no objections,"
        " all resolved for Councillor Crane to continue as Chair for the coming year."
    )
    assert strip_formula(d.text).startswith("Councillor Crane to continue as Chair")
    assert (d.outcome, d.mover, d.seconder) == ("agreed", "Councillor Ames", "Councillor Boyd")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Council CONFIRMED the minutes of the meeting held on 8th February 2024.", "approved"),
        ("The Cabinet ENDORSED the draft plan for consultation.", "agreed"),
        ("The Committee DEFERRED the application to its next meeting.", "deferred"),
    ],
)
def test_a_bodys_verb_in_capitals(text: str, expected: str) -> None:
    assert only(text).outcome == expected


def test_the_formula_after_two_lines_of_considerations() -> None:
    d = only(
        "Having considered the three applications received for the vacancy and having"
        " confirmed that each applicant met the eligibility requirements of sections 79 and 80"
        " of the Local Government Act 1972, Councillors RESOLVED to co-opt Ann Lee as a"
        " Member of the Council."
    )
    assert strip_formula(d.text).startswith("co-opt Ann Lee")

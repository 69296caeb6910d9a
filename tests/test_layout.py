"""Email layout: subject, greeting, body, sign-off, signature and quoted text."""

from __future__ import annotations

import pytest

from followup_lint.draft import find_placeholders
from followup_lint.layout import read_layout


def sections(text: str) -> list[tuple[str, str]]:
    return [(s.name, text[s.start:s.end]) for s in read_layout(text).sections]


def test_full_email() -> None:
    text = ("Subject: Thank you\n\nHi Priya,\n\nThank you for the tour.\nIt was great.\n\n"
            "Best regards,\nSam Lee\n555-0100\n\nOn Mon, 3 Mar 2025, Priya wrote:\n> hey\n")
    assert sections(text) == [
        ("header", "Subject: "), ("subject", "Thank you"), ("greeting", "Hi Priya,"),
        ("body", "Thank you for the tour.\nIt was great."), ("sign-off", "Best regards,"),
        ("signature", "Sam Lee\n555-0100"),
        ("quoted", "On Mon, 3 Mar 2025, Priya wrote:"), ("quoted", "> hey"),
    ]
    layout = read_layout(text)
    assert text[:layout.parse_end].endswith("555-0100")


def test_greeting_glued_to_first_sentence() -> None:
    assert sections("Hi Priya, thank you for the tour.")[:2] == [
        ("greeting", "Hi Priya,"), ("body", "thank you for the tour.")]


def test_signature_delimiter_and_crlf() -> None:
    text = ("Dear Ana,\r\n\r\nThanks for the demo.\r\n\r\nBest,\r\nJo\r\n-- \r\n"
            "Jo Park | Analyst\r\n")
    names = [n for n, _ in sections(text)]
    assert names == ["greeting", "body", "sign-off", "signature", "signature"]
    assert ("body", "Thanks for the demo.") in sections(text)


def test_name_line_without_closing() -> None:
    assert sections("Hey,\n\nany news on the job?\n\nSam")[-1] == ("signature", "Sam")


def test_a_bracketed_note_under_the_closing_belongs_to_the_signature() -> None:
    text = ("Dear Ms Obi,\n\nThank you for the site visit on Friday.\n\nKind regards,\n"
            "[leave room here for a handwritten signature when it goes by post]\nDev Rao\n")
    assert sections(text)[-2:] == [
        ("sign-off", "Kind regards,"),
        ("signature", "[leave room here for a handwritten signature when it goes by post]"
                      "\nDev Rao")]
    # A long line that is not wholly bracketed is still prose: no sign-off is read.
    prose = text.replace("[leave room", "(leave room").replace("post]", "post) today.")
    assert ("sign-off", "Kind regards,") not in sections(prose)


def test_no_layout_at_all() -> None:
    assert sections("") == []
    assert sections("   \n\n  ") == []
    assert sections("Just one line.") == [("body", "Just one line.")]


def test_placeholders() -> None:
    text = "Dear [Name], thanks for {{company}} and {first_name} at <Company>, XXX, ____ [sic]."
    found = [text[s:e] for s, e in find_placeholders(text)]
    assert found == ["[Name]", "{{company}}", "{first_name}", "<Company>", "XXX", "____"]


@pytest.mark.parametrize(("text", "slot"), [
    ("Dear NAME,\n\nThank you for Monday.", "NAME"),
    ("Dear Interviewer Name,\n\nThank you.", "Interviewer Name"),
    ("Hello Hiring Manager\u2019s Name,\nThank you.", "Hiring Manager\u2019s Name"),
    ("Dear <first name>,\n\nThank you.", "<first name>"),
    ("Thanks for Monday.\n\nBest,\nYour Name", "Your Name"),
])
def test_a_field_named_in_words_where_a_name_goes_is_a_slot(text: str, slot: str) -> None:
    assert [text[s:e] for s, e in find_placeholders(text)] == [slot]


@pytest.mark.parametrize("text", [
    "Dear Priya,\n\nThe NAME field in the CRM export was the bug I mentioned.",
    "Hi Jo,\n\nThe Recruiter Name column in your tracker is a neat idea.",
    "Hi Jo,\n\nI use <br> tags in the newsletter template.",
])
def test_the_same_words_in_a_sentence_are_not_slots(text: str) -> None:
    assert find_placeholders(text) == []


def test_a_draft_quoted_from_top_to_bottom_is_read_through_its_quote_marks() -> None:
    text = ">> Dear Ms. Ito,\n>>\n>> Thank you for the tour.\n>\n> Best,\n> Sam\n"
    assert sections(text) == [
        ("greeting", "Dear Ms. Ito,"), ("body", "Thank you for the tour."),
        ("sign-off", "Best,"), ("signature", "Sam")]
    # With one line of the writer's own, '>' lines stay quoted history.
    mixed = "Thanks again, Ms. Ito.\n\n> Thank you for the tour.\n"
    assert ("quoted", "> Thank you for the tour.") in sections(mixed)

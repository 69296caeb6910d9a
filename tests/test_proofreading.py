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


@pytest.mark.parametrize(("text", "excerpt", "replacement"), [
    ("It was a pleasure to meat you today.", "meat", "meet"),
    ("I hope you choose to higher me.", "higher", "hire"),
    ("I appreciate you're time.", "you're", "your"),
    ("I hope your well.", "your", "you're"),
    ("I could of started in March.", "of", "have"),
    ("Their is one more thing.", "Their", "There"),
    ("The scope was bigger then the last project.", "then", "than"),
    ("I look forward to here from you.", "here", "hear"),
    ("Thank you for you time.", "you", "your"),
    ("I would love to be apart of the team.", "apart of", "a part of"),
    ("We spoke last weak about the audit.", "weak", "week"),
])
def test_confused_words(linter, text: str, excerpt: str, replacement: str) -> None:
    [finding] = [f for f in linter.lint(text).findings if f.rule == "confused-words"]
    assert finding.excerpt == excerpt
    assert [s.replacement for s in finding.suggestions] == [replacement]


@pytest.mark.parametrize("text", [
    "It was a pleasure to meet you; the meat counter redesign sounds fun.",
    "The higher-level role and higher standards appeal to me.",
    "You're welcome to call me, and I appreciate your time.",
    "I hope your well-being program launches on time.",
    "The projects we're building are bigger than last year's.",
    "Is there time to discuss their roadmap?",
    "The apart-hotel project and the apartment listings were interesting.",
    "The weak signal problem on the shop floor was a fun puzzle.",
])
def test_confused_words_quiet(fired, text: str) -> None:
    assert "confused-words" not in fired(text)

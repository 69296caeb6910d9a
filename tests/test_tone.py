"""The tone family: casual-tone and pushy-phrasing, with positive and negative cases."""

from __future__ import annotations

import pytest

from followup_lint import Severity


@pytest.mark.parametrize("text", [
    "Hey Mia,\n\nThanks for the tour of the roastery yesterday.",
    "Yo Ben, the API design chat was great.",
    "Thank you for the interview lol, the dashboard demo was neat.",
    "I'm gonna read up on your billing system tonight.",
    "Thanks 4 the interview about the nursing role.",
    "The warehouse tour was great 😀 and I learned a lot.",
    "I loved the design review :)",
    "The design review was amazing!!!",
    "I AM SO EXCITED ABOUT THIS ROLE.",
    "Thank you for the call about the retail role.\n\nCheers,\nNoah",
])
def test_casual_tone_fires(fired, text: str) -> None:
    assert "casual-tone" in fired(text)


@pytest.mark.parametrize("text", [
    "Dear Ms. Patel,\n\nThank you for the tour of the roastery yesterday!\n\nBest regards,\nMia",
    "I enjoyed discussing the AWS and SQL migration with the HR team.",
    "Hello team,\n\nThank you for explaining the onboarding flow.",
    "Your cool-headed approach to incident reviews impressed me.",
    "My availability is 10:30 to 12:00 (Eastern).",
    "Please see the points below: (a) scheduling and (b) payroll.",
    "The role at NASA's JPL sounds fascinating.",
])
def test_casual_tone_quiet(fired, text: str) -> None:
    assert "casual-tone" not in fired(text)


def test_texting_forms_are_errors_and_mild_informality_warnings(linter) -> None:
    report = linter.lint("Hey Jo, thx for the awesome chat about the pantry redesign.")
    severities = {f.excerpt: f.severity for f in report.findings if f.rule == "casual-tone"}
    assert severities["thx"] is Severity.error
    assert severities["awesome"] is Severity.warning
    assert severities["Hey"] is Severity.warning


def test_casual_words_in_quoted_reply_are_ignored(fired) -> None:
    text = ("Dear Omar,\n\nThank you for explaining the clinic's triage protocol.\n\n"
            "Best regards,\nLena\n\nOn Mon, 3 Mar 2025, Omar wrote:\n> hey thx lol\n")
    assert "casual-tone" not in fired(text)


@pytest.mark.parametrize("text", [
    "I need an answer by Friday.",
    "Please let me know by tomorrow whether I got the job.",
    "Could you let me know by Monday?",
    "Please respond ASAP.",
    "Please call me back immediately.",
    "I expect a reply today.",
    "Why haven't I heard back from anyone?",
    "I still haven't heard anything about the paralegal role.",
    "I can't wait any longer for a decision.",
    "If I don't hear back by Monday, I will accept another offer.",
    "You promised to call me last week.",
    "As I said in my last email, I am still waiting.",
])
def test_pushy_fires(fired, text: str) -> None:
    assert "pushy-phrasing" in fired(text)


@pytest.mark.parametrize("text", [
    "Please let me know if you need anything else from me.",
    "I can't wait to hear more about the analytics project.",
    "I have another offer and need to respond to them by Friday; your team is my first choice.",
    "Could you share where things stand when you have a moment?",
    "I would be glad to help update the safety plan before the audit in May.",
    "Please feel free to contact me right away if anything changes.",
    "I can start as soon as possible.",
    "I would appreciate an update on the timeline when you have a moment.",
])
def test_pushy_quiet(fired, text: str) -> None:
    assert "pushy-phrasing" not in fired(text)


def test_deadline_finding_covers_the_deadline(findings) -> None:
    text = "Thanks for the chat about the kitchen. Please let me know by Friday."
    [(start, end, excerpt)] = findings(text, "pushy-phrasing")
    assert excerpt == text[start:end]
    assert "Friday" in excerpt


@pytest.mark.parametrize(("text", "found"), [
    ("thank you for mentioning the bike scheme", False),
    ("that salary is the right one for me.", True),
    ("i'm single-handedly running the stock room", False),
    ("just so you know, i'm single.", True),
    ("could we agree a date for the trial?", False),
    ("it is, you know, a lot", True),
])
def test_tone_phrases_match_whole_words(text: str, found: bool) -> None:
    from followup_lint.lexicon import phrase_pattern

    pattern = phrase_pattern(("for me", "i'm single", "go on a date", ", you know"))
    assert bool(pattern.search(text)) is found


@pytest.mark.parametrize("text", [
    "Thank you for mentioning the staff bike scheme; good to know it's there.",
    "Could we agree a date for the trial shift?",
    "You can rely on me to open up at six.",
])
def test_phrases_inside_other_words_are_not_read(fired, text: str) -> None:
    assert not fired(text) & {"self-centred", "inappropriate-content"}


@pytest.mark.parametrize(("sentence", "word", "lemma"), [
    ("They had hoped to finish the audit by May.", "hoped", "hope"),
    ("We are hoping to hear from the board.", "hoping", "hope"),
    ("She hates waiting and rated the tour highly.", "rated", "rate"),
    ("He stared at the spreadsheet.", "stared", "stare"),
    ("The rabbits hopped across the yard.", "hopped", "hop"),
    ("They visited the depot and opened the file.", "visited", "visit"),
])
def test_verb_lemmas_follow_the_doubling_rule(linter, sentence: str, word: str,
                                              lemma: str) -> None:
    """spaCy's rule lemmatizer gives "hop" for "hoped"; the pipeline mends that, so
    readings that ask for the lemma "hope" see it (see nlp._mended_forms)."""
    doc = linter.pipeline.nlp(sentence)
    assert next(t.lemma_ for t in doc if t.lower_ == word) == lemma


@pytest.mark.parametrize("text", [
    "I know you had hoped to decide by the 9th, and I understand that plans slip.",
    "You mentioned you were hoping to make offers before the end of the month.",
])
def test_the_readers_own_hoped_for_date_is_no_deadline(fired, text: str) -> None:
    assert "pushy-phrasing" not in fired(text)

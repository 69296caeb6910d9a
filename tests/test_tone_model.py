"""The learned tone scorer (followup_lint/tonemodel.py, rules/models/tone.npz) and how the
tone rules consult it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from rulepacks import write_rule

from followup_lint import Config, Linter
from followup_lint.packs.loading import load_rules
from followup_lint.tonemodel import MIN_WORDS, features, tokens, tone_model

ROOT = Path(__file__).resolve().parents[1]
SCORER = "tone scorer"


def _training_module():
    spec = importlib.util.spec_from_file_location(
        "train_tone_model", ROOT / "training" / "train_tone_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("train_tone_model", module)
    spec.loader.exec_module(module)
    return module


def test_features_ignore_typography_and_case() -> None:
    assert features("You’re LATE — “again”") == features("you're late - \"again\"")
    assert tokens("Thx!! 😀") == ["thx", "!", "!", "😀"]
    assert features("") == []


def test_features_follow_their_definition() -> None:
    # The shipped weights were trained on exactly these slots: CRC-32 of the feature
    # strings modulo 2**16 (the definition in followup_lint.tonemodel.features).
    import zlib

    text = "Thx for the café visit!! Still waiting… 😀"
    words = tokens(text)
    grams = [f"w:{w}" for w in words]
    grams += [f"b:{a} {b}" for a, b in zip(["<s>", *words], [*words, "</s>"])]
    for word in (w for w in words if len(w) > 3 and w.isalpha()):
        grams += [f"c:{f'<{word}>'[i:i + 4]}" for i in range(len(word) - 1)]
    assert features(text) == [zlib.crc32(g.encode("utf-8")) & 0xFFFF for g in grams]


def test_a_drafts_sentences_are_scored_together_as_one_by_one() -> None:
    from followup_lint.tonemodel import _batch_probabilities

    model = tone_model()
    texts = ["I expect an answer from you by Friday at the latest.",
             "Thank you for showing me the new packing line on Tuesday.", "", "Ok."]
    together = _batch_probabilities(model, texts)
    for text, scores in zip(texts, together):
        assert scores == pytest.approx(_batch_probabilities(model, [text])[0], abs=1e-6)


def test_the_shipped_model_covers_every_category_a_rule_names() -> None:
    model = tone_model()
    assert model is not None
    named = {spec.model for spec in load_rules() if spec.model}
    assert named == set(model.categories)
    assert model.weights.shape == (len(model.categories), 1 << 16)
    assert all(0.5 <= t <= 1.01 for t in model.thresholds)


def test_scores_are_probabilities() -> None:
    model = tone_model()
    for text in ("", "Thank you for your time.", "answer me by friday or else!!!"):
        assert all(0.0 <= p <= 1.0 for p in model.scores(text).values())


def test_training_never_reads_the_held_out_blind_sets() -> None:
    from blind_eval import HELD_OUT, NEVER_TRAINED

    training = _training_module()
    sources = training.sources()
    assert HELD_OUT in NEVER_TRAINED
    for name in NEVER_TRAINED:
        held_out = ROOT / "tests" / "blind" / name
        assert held_out.is_dir() and not [p for p in sources if held_out in p.parents]
    assert any(p.parent.name == "sentences" for p in sources)


def _scorer_only(linter: Linter, texts, rule: str) -> str:
    """The first text that only the scorer flags for ``rule`` (the test's own search)."""
    for text in texts:
        found = [f for f in linter.lint(text).findings if f.rule == rule]
        if found and all(SCORER in f.message for f in found):
            return text
    raise AssertionError(f"no text flagged by the scorer alone for {rule}")


def test_the_model_option_turns_the_scorer_off() -> None:
    training = _training_module()
    pushy = [t for t, c, bad in training.load() if c == "pushy" and bad]
    linter = Linter()
    text = _scorer_only(linter, pushy, "pushy-phrasing")
    finding = next(f for f in linter.lint(text).findings if f.rule == "pushy-phrasing")
    assert finding.severity.value == "warning"
    assert text[finding.start:finding.end] == finding.excerpt
    off = Linter(Config(rules={"pushy-phrasing": {"model": False}}))
    assert not [f for f in off.lint(text).findings if f.rule == "pushy-phrasing"]


@pytest.mark.parametrize("spec", [s for s in load_rules() if s.model], ids=lambda s: s.id)
def test_rules_with_a_model_category_offer_the_option(spec) -> None:
    linter = Linter(Config(rules={spec.id: {"model": False}}))
    assert linter.lint("thanks 4 meeting me about the Leeds depot role lol").findings


def test_rules_without_a_model_category_refuse_the_option() -> None:
    from followup_lint import ConfigError

    with pytest.raises(ConfigError, match="model"):
        Linter(Config(rules={"casual-tone": {"model": False}})).lint("Thanks for the chat.")


def test_short_sentences_are_not_scored() -> None:
    model = tone_model()
    short = ["Reply now!!", "Answer me today.", "Hire me please!!!", "Call me back ASAP!",
             "U up?? lol", "Sorry sorry sorry!"]
    flagged = [(t, c) for t in short for c in model.categories if model.flags(t, c)]
    assert flagged, "the test needs a short text the raw model flags"
    linter = Linter()
    for text, _ in flagged:
        assert sum(w.isalpha() for w in tokens(text)) < MIN_WORDS
        assert not [f for f in linter.lint(text).findings if SCORER in f.message]


def _parsed(text: str):
    from followup_lint.draft import parse_drafts
    from followup_lint.nlp import load_pipeline

    pipeline = load_pipeline(Config().model, need_entities=False)
    return next(parse_drafts(pipeline, [text], [None]))


def test_a_rule_reading_that_clears_a_sentence_outranks_the_scorer() -> None:
    from followup_lint.tonemodel import scored_hits

    training = _training_module()
    linter = Linter()
    pushy = [t for t, c, bad in training.load() if c == "pushy" and bad]
    text = _scorer_only(linter, pushy, "pushy-phrasing")
    draft = _parsed(text)
    assert scored_hits(draft, "pushy", [])
    assert scored_hits(draft, "pushy", [], clears=lambda sentence: True) == []


@pytest.mark.parametrize(("rule", "text", "cleared"), [
    ("pushy-phrasing", "I have another offer and need to respond to them by Friday.", True),
    ("pushy-phrasing", "I need an answer from you by Friday.", False),
    ("desperate-tone", "My four years driving city routes would suit the night shift.", True),
    ("desperate-tone", "My four years driving routes make me the best driver you will find.",
     False),
    ("desperate-tone", "I need this job because my rent is due in 2 weeks.", False),
    ("apologetic-tone", "I was so sorry to read about your loss.", True),
    ("apologetic-tone", "I'm sorry for your loss, and sorry this note is late.", False),
])
def test_what_the_rules_clear(rule: str, text: str, cleared: bool) -> None:
    from followup_lint.packs.binding import load_module

    spec = next(s for s in load_rules() if s.id == rule)
    sentence = _parsed(text).body_sentences[0]
    assert load_module(spec).clears(sentence) is cleared


def _pack_with_model(root: Path, category: str) -> Path:
    return write_rule(root, "buzzword", body=f'model = "{category}"\n[[match]]\nkind = '
                      '"phrase"\nmessage = "A buzzword."\nphrases = ["synergy"]')


def test_a_pack_naming_an_unknown_scorer_category_is_refused(tmp_path) -> None:
    from followup_lint import RulePackError

    with pytest.raises(RulePackError, match="'snark' is not a category of the tone scorer"):
        Linter(rule_dirs=[_pack_with_model(tmp_path / "a", "snark")])
    linter = Linter(rule_dirs=[_pack_with_model(tmp_path / "b", "hostile")])
    found = [f for f in linter.lint("We need more synergy.").findings if f.rule == "buzzword"]
    assert [f.excerpt for f in found] == ["synergy"]


def test_the_desperate_scorer_yields_to_personal_anecdote_on_the_same_words() -> None:
    """One note per sentence: where personal-anecdote already names the over-sharing, the
    scorer's vaguer "reads as pleading" is dropped (desperate-tone's model_superseded_by);
    with personal-anecdote switched off, the scorer's finding is back."""
    candidates = [
        "Things have been hard lately because my rent doubled and my landlord is selling up.",
        "Honestly my bills are piling up and my mortgage payment is overdue this month.",
        "Money is tight since my landlord put the rent up, so this job would mean the world.",
    ]
    without = Linter(Config(ignore=["personal-anecdote"]))
    text = next(t for t in candidates if any(
        f.rule == "desperate-tone" and SCORER in f.message for f in without.lint(t).findings))
    found = Linter().lint(text).findings
    assert any(f.rule == "personal-anecdote" for f in found)
    assert not any(f.rule == "desperate-tone" and SCORER in f.message for f in found)

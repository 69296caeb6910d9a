"""Rule packs as one Rule each: options, lifecycle, the pattern budget, check-rules, and
pack rules reaching every output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from followup_lint import Config, ConfigError, Linter, RulePackError
from followup_lint.draft import Draft
from followup_lint.packs.loading import load_rules
from followup_lint.settings import load_settings

PHRASE_PACK = """
id = "{id}"
family = "custom"
severity = "warning"
summary = "Buzzwords."
rationale = "They say little."
{extra}
[[match]]
kind = "{kind}"
message = "A buzzword; say what you mean."
{data}
[examples]
fail = ["We need more synergy here.", "Synergy is the goal."]
pass = ["We need more people here.", "People are the goal."]
{fix}
"""


def pack(root: Path, rule_id: str = "buzzword", *, kind: str = "phrase",
         data: str = 'phrases = ["synergy"]', extra: str = "", fix: str = "",
         family: str = "custom") -> Path:
    folder = root / family
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{rule_id}.toml"
    path.write_text(PHRASE_PACK.format(id=rule_id, kind=kind, data=data, extra=extra, fix=fix)
                    .replace('family = "custom"', f'family = "{family}"'), encoding="utf-8")
    return path


def cli(*args: str, cwd: Path):
    exe = shutil.which("followup-lint", path=str(Path(sys.executable).parent))
    command = [exe] if exe else [sys.executable, "-m", "followup_lint"]
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd, env=dict(os.environ))


# -- the run-time budget of patterns ------------------------------------------------

@pytest.mark.parametrize(("regex", "reason"), [
    (r"(a|aa)+$", "exponential"),
    (r"(?:.+?,)+!", "exponential"),
    (r"\w*" * 8, "polynomial"),
    (r"(\w)\1*(\w)\2*(\w)\3*(\w)\4*(\w)\5*", "polynomial"),
    (r"(\w+\s*)+$", "exponential"),
])
def test_backtracking_regexes_are_refused_with_the_reason(tmp_path, regex: str,
                                                           reason: str) -> None:
    path = pack(tmp_path, kind="regex", data=f"regex = '{regex}'")
    with pytest.raises(RulePackError) as caught:
        load_rules([tmp_path])
    assert str(path) in str(caught.value) and reason in str(caught.value)


@pytest.mark.parametrize("regex", [
    r"(,)(?:[ \t]*,)+", r"(?:\w+,)+", r"[!?]*!!+[!?]*", r"\b(\w+)\s+\1\b", r"(?:foo|for)+",
])
def test_safe_regexes_load(tmp_path, regex: str) -> None:
    pack(tmp_path, kind="regex", data=f"regex = '{regex}'")
    assert [r.id for r in load_rules([tmp_path])] == ["buzzword"]


@pytest.mark.parametrize(("patterns", "reason"), [
    ('[[{ LOWER = "we" }, {OP = "*"}, {OP = "*"}, {OP = "*"}, {OP = "*"}, {OP = "*"}, '
     '{OP = "*"}, { LOWER = "synergy" }]]', "wildcard"),
    ('[[{ LOWER = "we" }, { IS_ALPHA = true, OP = "{1,100000}" }]]', "largest allowed"),
    ('[[{ LOWER = { IN = ["a"] }, OP = "+" }, { LOWER = "b", OP = "+" }, '
     '{ LOWER = "c", OP = "+" }, { LOWER = "d", OP = "*" }, { LOWER = "e", OP = "+" }]]',
     "repeated tokens"),
])
def test_costly_token_patterns_are_refused(tmp_path, patterns: str, reason: str) -> None:
    path = pack(tmp_path, kind="pattern", data=f"patterns = {patterns}")
    with pytest.raises(RulePackError) as caught:
        load_rules([tmp_path])
    assert str(path) in str(caught.value) and reason in str(caught.value)


# -- per-rule options ----------------------------------------------------------------

LONG = "Thank you for the talk about the warehouse scheduling role and its night shifts. " * 4


def test_a_pack_superseded_by_an_unknown_rule_is_refused_by_name(tmp_path) -> None:
    path = pack(tmp_path, extra='superseded_by = ["no-such-rule"]')
    with pytest.raises(RulePackError, match="no-such-rule") as raised:
        load_rules([tmp_path])
    assert str(path) in str(raised.value)


def test_only_a_rule_with_the_scorer_can_yield_its_findings(tmp_path) -> None:
    pack(tmp_path, extra='model_superseded_by = ["casual-tone"]')
    with pytest.raises(RulePackError, match="model_superseded_by.*needs 'model'"):
        load_rules([tmp_path])


def test_an_option_changes_what_a_rule_reports() -> None:
    default = Linter(Config(select=["too-long"], model="blank")).lint(LONG)
    tight = Linter(Config(select=["too-long"], model="blank",
                          rules={"too-long": {"max-words": 30}})).lint(LONG)
    assert not default.findings
    [finding] = tight.findings
    assert "under 30" in finding.message


@pytest.mark.parametrize(("rules", "words"), [
    ({"too-long": {"max-wrods": 30}}, ["too-long", "max-wrods", "max-words"]),
    ({"no-such-rule": {}}, ["no-such-rule", "unknown rule"]),
    ({"too-long": {"max-words": "many"}}, ["too-long", "max-words"]),
])
def test_bad_options_name_the_rule_and_key(rules: dict, words: list[str]) -> None:
    with pytest.raises(ConfigError) as caught:
        Linter(Config(rules=rules, model="blank"))
    assert all(w in str(caught.value) for w in words)


def test_settings_file_options_are_checked_with_the_file_name(tmp_path) -> None:
    good = tmp_path / ".followup-lint.toml"
    good.write_text('[rules.too-long]\nmax-words = 250\n', encoding="utf-8")
    assert load_settings(good).config.rules == {"too-long": {"max-words": 250}}
    bad = tmp_path / "pyproject.toml"
    bad.write_text('[tool.followup-lint.rules.too-long]\nmax-wrods = 250\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(bad)
    assert all(w in str(caught.value) for w in (str(bad), "too-long", "max-wrods"))


def test_a_draft_carries_no_config() -> None:
    assert "config" not in Draft.__dataclass_fields__


# -- lifecycle -------------------------------------------------------------------------

def test_preview_rules_run_only_when_asked(tmp_path) -> None:
    pack(tmp_path, extra='status = "preview"\nsince = "0.2.0"')
    stable = Linter(Config(model="blank", select=["custom"]), rule_dirs=[tmp_path])
    assert stable.rules == [] and not stable.lint("More synergy.").findings
    preview = Linter(Config(model="blank", select=["custom"], preview=True),
                     rule_dirs=[tmp_path])
    report = preview.lint("More synergy.")
    assert [f.rule for f in report.findings] == ["buzzword"]
    assert report.rules == ["buzzword"]


# -- check-rules -------------------------------------------------------------------------

def test_check_rules_passes_a_good_pack_and_runs_fix_examples(tmp_path) -> None:
    fix = ('[[examples.fix]]\ninput = "We need more synergy here."\n'
           'output = "We need more cooperation here."')
    pack(tmp_path, data='phrases = ["synergy"]\nreplacement = "cooperation"\nsafe = true',
         fix=fix)
    result = cli("check-rules", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stderr


def test_check_rules_reports_every_problem(tmp_path) -> None:
    fix = '[[examples.fix]]\ninput = "More synergy."\noutput = "More teamwork."'
    wrong_fix = pack(tmp_path, data='phrases = ["synergy"]\nreplacement = "cooperation"\n'
                     'safe = true', fix=fix)
    weak = pack(tmp_path, "weak-rule", data='phrases = ["synergy here"]')
    (tmp_path / "stray.toml").write_text("id = 1\n", encoding="utf-8")
    (tmp_path / "custom" / "orphan.py").write_text("", encoding="utf-8")
    result = cli("check-rules", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    out = result.stdout
    assert "stray.toml" in out and "orphan.py" in out
    assert str(wrong_fix) in out and "More cooperation." in out
    assert str(weak) in out and "Synergy is the goal." in out and "is not flagged" in out


def test_check_rules_on_the_shipped_packs_is_clean(tmp_path) -> None:
    from followup_lint.datafiles import rules_dir

    result = cli("check-rules", str(rules_dir()), cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-3000:]


# -- pack rules in every listing ---------------------------------------------------------

def test_pack_rules_reach_rules_explain_sarif_and_json(tmp_path) -> None:
    pack(tmp_path / "packs")
    (tmp_path / ".followup-lint.toml").write_text('rule-dirs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "note.txt").write_text("We need more synergy here.\n", encoding="utf-8")
    listed = cli("rules", cwd=tmp_path)
    assert listed.returncode == 0 and "buzzword" in listed.stdout
    explained = cli("explain", "buzzword", cwd=tmp_path)
    assert explained.returncode == 0 and "Buzzwords." in explained.stdout
    sarif = cli("note.txt", "--format", "sarif", "--no-cache", cwd=tmp_path)
    driver = json.loads(sarif.stdout)["runs"][0]["tool"]["driver"]
    assert "buzzword" in {r["id"] for r in driver["rules"]}
    report = json.loads(cli("note.txt", "--format", "json", "--no-cache",
                            cwd=tmp_path).stdout)["files"][0]["report"]
    assert "buzzword" in report["rules"] and "spelling" in report["rules"]
    assert "buzzword" in {f["rule"] for f in report["findings"]}


def test_explain_shows_options() -> None:
    result = cli("explain", "too-long", cwd=Path.cwd())
    assert result.returncode == 0
    assert "max-words = 200" in result.stdout and "[rules.too-long]" in result.stdout


def test_preview_flag_on_the_command_line(tmp_path) -> None:
    pack(tmp_path / "packs", extra='status = "preview"\nsince = "0.2.0"')
    (tmp_path / ".followup-lint.toml").write_text('rule-dirs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "note.txt").write_text("We need more synergy here.\n", encoding="utf-8")
    args = ("note.txt", "--model", "blank", "--format", "json", "--no-cache")
    plain = json.loads(cli(*args, cwd=tmp_path).stdout)["files"][0]["report"]
    preview = json.loads(cli(*args, "--preview", cwd=tmp_path).stdout)["files"][0]["report"]
    assert "buzzword" not in plain["rules"]
    assert "buzzword" in preview["rules"]
    assert "buzzword" in {f["rule"] for f in preview["findings"]}
    listed = cli("rules", cwd=tmp_path).stdout
    assert "(preview)" in next(line for line in listed.splitlines() if "buzzword" in line)


@pytest.mark.parametrize("pattern, longest", [
    ([{"LOWER": "a"}, {"LOWER": "b"}], 2),
    ([{"LOWER": "a"}, {"LOWER": "big", "OP": "?"}, {"LOWER": "b"}], 3),
    ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "{0,3}"}, {"LOWER": "b"}], 5),
    ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "{2}"}], 3),
    ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "*"}], None),
    ([{"LOWER": "a"}, {"IS_ALPHA": True, "OP": "{1,}"}], None),
])
def test_pattern_length_bounds_every_match(pattern, longest) -> None:
    from followup_lint.packs.compiling import pattern_length

    assert pattern_length(pattern) == longest


def test_token_patterns_find_the_same_matches_in_windows_as_on_the_whole_draft() -> None:
    """A bounded Matcher runs only around its anchor words (compiling._windows): on the
    regression drafts and the rules' own examples it finds exactly what a run over the
    whole Doc finds."""
    sys.path.insert(0, str(Path(__file__).parent))
    from regression_drafts import load_drafts

    from followup_lint.engine import parse_drafts

    linter = Linter()
    loaded = linter._load()
    texts = [d["text"] for d in load_drafts()]
    texts += [e.text for spec in load_rules() if spec.examples
              for e in spec.examples.fail + spec.examples.pass_]
    drafts = list(parse_drafts(loaded.pipeline, texts, [None] * len(texts), linter.config.mode))
    windowed = [m for m in loaded.matchers.matchers if m[2] is not None]
    assert windowed, "no bounded token pattern: the windows are never used"
    compared = 0
    for draft in drafts:
        whole = sorted(loaded.matchers.token_matches(draft.doc, draft.form_array,
                                                     windows=False))
        assert sorted(loaded.matchers.token_matches(draft.doc, draft.form_array)) == whole
        compared += bool(whole)
    assert compared > 50

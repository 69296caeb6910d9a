"""Expected findings as data: where each rule fires on its own examples and on the
labelled regression drafts, with what severity and (for a safe fix) what text results.

A test that only asks "did the rule fire anywhere?" passes when the rule misses the real
error but something else in the draft sets it off. The snapshots pin each expected
finding to its excerpt and position, the way ruff and sqlfluff snapshot their fixtures:

* ``regression/rule_examples.json``: for every ``fail`` example of every rule, that
  rule's findings (start, end, excerpt, severity) and, when a finding has exactly one
  safe suggestion, the example's text with that one fix applied;
* ``regression/expected_findings.json``: for every labelled draft, the findings of each
  rule its ``expect`` lists.

After a deliberate change to a rule, regenerate them and review the diff like code::

    .venv/bin/python tests/snapshots.py --update && git diff tests/regression/
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from followup_lint import Config, Context, Linter
from followup_lint.model import Finding

HERE = Path(__file__).resolve().parent
RULE_EXAMPLES = HERE / "regression" / "rule_examples.json"
EXPECTED_FINDINGS = HERE / "regression" / "expected_findings.json"

_linters: dict[str, Linter] = {}


def linter_for(mode: str) -> Linter:
    if mode not in _linters:
        _linters[mode] = Linter(Config(mode=mode))
    return _linters[mode]


def describe(finding: Finding, text: str) -> dict:
    """One finding as snapshot data; ``fixed`` is the text with its one safe fix applied."""
    entry = {"start": finding.start, "end": finding.end, "excerpt": finding.excerpt,
             "severity": finding.severity.value}
    safe = [s for s in finding.suggestions if s.safe]
    if len(safe) == 1:
        entry["fixed"] = text[:finding.start] + safe[0].replacement + text[finding.end:]
    return entry


def rule_example_findings() -> dict[str, list[list[dict]]]:
    """{rule id: [findings of that rule on fail example 0, 1, ...]}."""
    from followup_lint.packs.loading import load_rules

    out: dict[str, list[list[dict]]] = {}
    for rule in load_rules():
        if rule.examples is None:
            continue
        out[rule.id] = [
            [describe(f, example.text)
             for f in linter_for(example.mode).lint(example.text, example.context).findings
             if f.rule == rule.id]
            for example in rule.examples.fail
        ]
    return out


def draft_findings() -> dict[str, dict[str, list[dict]]]:
    """{draft id: {expected rule: its findings}} over the labelled regression drafts."""
    from regression_drafts import load_drafts

    out: dict[str, dict[str, list[dict]]] = {}
    for draft in load_drafts():
        context = Context(kind=draft.get("kind"), **draft.get("context", {}))
        report = linter_for(draft.get("mode", "draft")).lint(draft["text"], context)
        out[draft["id"]] = {
            rule: [describe(f, draft["text"]) for f in report.findings if f.rule == rule]
            for rule in sorted(draft["expect"])
        }
    return out


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def update() -> None:
    for path, data in ((RULE_EXAMPLES, rule_example_findings()),
                       (EXPECTED_FINDINGS, draft_findings())):
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                        encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/snapshots.py --update")
    sys.path.insert(0, str(HERE))
    update()

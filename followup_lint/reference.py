"""Generated docs: the rule reference and the JSON output schema, from their one source.

    python -m followup_lint.reference docs/    # rewrites docs/rules.md, docs/output.schema.json
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from followup_lint.packs.binding import bind
from followup_lint.packs.loading import load_rules
from followup_lint.packs.schema import Example, RuleSpec


def _example_block(example: Example) -> str:
    notes = []
    if example.mode != "draft":
        notes.append(f"mode: {example.mode}")
    if example.context is not None:
        fields = example.context.model_dump(mode="json", exclude_defaults=True)
        notes += [f"{key}: {value}" for key, value in fields.items()]
    header = ("With " + "; ".join(notes) + ":\n\n") if notes else ""
    return header + "```text\n" + example.text.rstrip("\n") + "\n```"


def toml_value(value: object) -> str:
    """A default value as it would be written in a settings file."""
    if isinstance(value, (frozenset, set)):
        value = sorted(value)
    if isinstance(value, tuple):
        value = list(value)
    return json.dumps(value, ensure_ascii=False)


def option_rows(rule: RuleSpec) -> list[tuple[str, str, str]]:
    """(option as written in settings, default, meaning) for each option of ``rule``."""
    model = bind(rule, None).options_model
    return [(field.alias or name, toml_value(field.default), field.description or "")
            for name, field in model.model_fields.items()]


def render_rule_reference(rules: Iterable[RuleSpec] | None = None) -> str:
    """Markdown for every rule: id, family, severity, lifecycle, summary, rationale, options
    and examples."""
    rules = list(load_rules() if rules is None else rules)
    out = [
        "# Rule reference",
        "",
        "Generated from the rule packs in `rules/` by `python -m followup_lint.reference`;",
        "a test keeps this file in sync. Severities are defaults: change them with the",
        "`severity` setting, or switch a rule or a whole family off with `ignore`. Options",
        "are set per rule: `[rules.<rule-id>]` in a settings file, or",
        "`Config(rules={\"<rule-id>\": {...}})` in Python. Preview rules run only with",
        "`--preview` or `Config(preview=True)`.",
        "",
        "| rule | family | default severity | status | summary |",
        "|---|---|---|---|---|",
    ]
    for rule in rules:
        out.append(f"| [`{rule.id}`](#{rule.id}) | {rule.family} | {rule.severity.value} "
                   f"| {rule.status} | {rule.summary} |")
    for rule in rules:
        bound = bind(rule, None)
        out += ["", f"## {rule.id}", "",
                f"Family: `{rule.family}` · default severity: **{rule.severity.value}** · "
                f"{rule.status} since {rule.since}"
                + (f" · reads: {', '.join(sorted(bound.needs))}" if bound.needs else ""),
                "", rule.summary, "", " ".join(rule.rationale.split()), "",
                ]
        options = option_rows(rule)
        if options:
            out += [f"Options (`[rules.{rule.id}]`):", "", "| option | default | meaning |",
                    "|---|---|---|"]
            out += [f"| `{name}` | `{default}` | {meaning} |" for name, default, meaning in options]
            out += [""]
        if rule.examples is None:
            out += ["Produced by the engine itself, not by any wording of a draft."]
            continue
        out += ["Flagged:", ""]
        out += [_example_block(e) for e in rule.examples.fail]
        out += ["", "Not flagged:", ""]
        out += [_example_block(e) for e in rule.examples.pass_]
        for fix in rule.examples.fix:
            out += ["", "Fixed (`--fix`):", "", "```text\n" + fix.input.rstrip("\n") + "\n```",
                    "", "becomes", "", "```text\n" + fix.output.rstrip("\n") + "\n```"]
    return "\n".join(out) + "\n"


def generated_docs() -> dict[str, str]:
    """File name -> content of every generated file in docs/."""
    from followup_lint.formatters.json_format import output_schema

    return {"rules.md": render_rule_reference(), "output.schema.json": output_schema()}


if __name__ == "__main__":
    import sys
    from pathlib import Path

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    for name, content in generated_docs().items():
        (target / name).write_text(content, encoding="utf-8")
        print(f"wrote {target / name}")

"""Generated docs: the rule reference and the JSON output schema, from their one source.

    python -m followup_lint.reference docs/    # rewrites docs/rules.md, docs/output.schema.json
"""

from __future__ import annotations

from collections.abc import Iterable

from followup_lint.ruleset import Example, RuleSpec, load_rules


def _example_block(example: Example) -> str:
    notes = []
    if example.mode != "draft":
        notes.append(f"mode: {example.mode}")
    if example.context is not None:
        fields = example.context.model_dump(mode="json", exclude_defaults=True)
        notes += [f"{key}: {value}" for key, value in fields.items()]
    header = ("With " + "; ".join(notes) + ":\n\n") if notes else ""
    return header + "```text\n" + example.text.rstrip("\n") + "\n```"


def render_rule_reference(rules: Iterable[RuleSpec] | None = None) -> str:
    """Markdown for every rule: id, family, severity, summary, rationale and examples."""
    rules = list(load_rules() if rules is None else rules)
    out = [
        "# Rule reference",
        "",
        "Generated from the rule packs in `rules/` by `python -m followup_lint.reference`;",
        "a test keeps this file in sync. Severities are defaults: change them with the",
        "`severity` setting, or switch a rule or a whole family off with `ignore`.",
        "",
        "| rule | family | default severity | summary |",
        "|---|---|---|---|",
    ]
    for rule in rules:
        out.append(f"| [`{rule.id}`](#{rule.id}) | {rule.family} | {rule.severity.value} "
                   f"| {rule.summary} |")
    for rule in rules:
        out += ["", f"## {rule.id}", "",
                f"Family: `{rule.family}` · default severity: **{rule.severity.value}**"
                + (f" · reads: {', '.join(sorted(rule.all_needs))}" if rule.all_needs else ""),
                "", rule.summary, "", " ".join(rule.rationale.split()), "",
                ]
        if rule.examples is None:
            out += ["Produced by the engine itself, not by any wording of a draft."]
            continue
        out += ["Flagged:", ""]
        out += [_example_block(e) for e in rule.examples.fail]
        out += ["", "Not flagged:", ""]
        out += [_example_block(e) for e in rule.examples.pass_]
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

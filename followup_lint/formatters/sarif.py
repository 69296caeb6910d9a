"""SARIF 2.1.0, as GitHub code scanning accepts it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from followup_lint import __version__
from followup_lint.formatters.common import Options, Result

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str, root: Path) -> str:
    if path == "<stdin>":
        return "stdin"
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def format_sarif(results: Sequence[Result], options: Options) -> str:
    """One SARIF run with every rule's metadata and one result per finding."""
    rules = list(options.rules)
    index = {rule.id: i for i, rule in enumerate(rules)}
    driver_rules = [{
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(rule.rationale.split())},
        "help": {"text": " ".join(rule.rationale.split()),
                 "markdown": f"**{rule.id}** ({rule.family}): {rule.summary}"},
        "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
        "properties": {"tags": [rule.family]},
    } for rule in rules]
    sarif_results = []
    for result in results:
        uri = _uri(result.path, options.root)
        for f in result.findings:
            region = {"startLine": f.line, "startColumn": f.column,
                      "endLine": f.end_line, "endColumn": f.end_column}
            if options.excerpts:
                region["snippet"] = {"text": f.excerpt}
            fingerprint = hashlib.sha256(
                f"{uri}|{f.rule}|{f.excerpt}|{f.message}".encode()).hexdigest()
            entry = {
                "ruleId": f.rule,
                "level": _LEVEL[f.severity.value],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": region,
                }}],
                "partialFingerprints": {"followupLint/v1": fingerprint},
            }
            if f.rule in index:
                entry["ruleIndex"] = index[f.rule]
            sarif_results.append(entry)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "followup-lint",
                "version": __version__,
                "rules": driver_rules,
            }},
            "results": sarif_results,
        }],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

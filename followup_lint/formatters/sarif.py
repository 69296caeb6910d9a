"""SARIF 2.1.0, as GitHub code scanning accepts it.

* Columns count Unicode code points (``columnKind`` says so).
* ``partialFingerprints`` identify a finding by file, rule and the words it points at
  (see ``followup_lint.baseline``) plus its occurrence index, so identical findings in
  one file never merge and edits elsewhere do not make old findings new; with
  ``--no-excerpts`` they hash the rule and message only.
* Each rule has a ``helpUri`` (its section of docs/rules.md) when the installed package
  names one; safe fixes of plain-text files are given as SARIF ``fixes``.
* Files that could not be linted are ``toolExecutionNotifications`` of the invocation.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from followup_lint import __version__
from followup_lint.baseline import identities
from followup_lint.formatters.common import Options, Result

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
#: The ``Project-URL`` label (pyproject ``[project.urls]``) of the rules reference.
RULES_URL_LABEL = "Rules"


@lru_cache(maxsize=1)
def rules_doc_url() -> str | None:
    """The published docs/rules.md, from the installed package's metadata (or None)."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("followup-lint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip() == RULES_URL_LABEL and url.strip():
            return url.strip()
    return None


def _uri(path: str, root: Path) -> str:
    if path == "<stdin>":
        return "stdin"
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _driver_rules(options: Options) -> list[dict]:
    base = rules_doc_url()
    driver_rules = []
    for rule in options.rules:
        entry = {
            "id": rule.id,
            "name": "".join(part.capitalize() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": " ".join(rule.rationale.split())},
            "help": {"text": " ".join(rule.rationale.split()),
                     "markdown": f"**{rule.id}** ({rule.family}): {rule.summary}"},
            "defaultConfiguration": {"level": _LEVEL[rule.severity.value]},
            "properties": {"tags": [rule.family]},
        }
        if base:
            entry["helpUri"] = f"{base}#{rule.id}"
        driver_rules.append(entry)
    return driver_rules


def _fixes(result: Result, finding, uri: str, region: dict) -> list[dict]:  # noqa: ANN001
    if not result.exact:
        return []
    deleted = {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")}
    return [{
        "description": {"text": s.description or f"Replace with '{s.replacement}'"},
        "artifactChanges": [{
            "artifactLocation": {"uri": uri},
            "replacements": [{"deletedRegion": deleted,
                              "insertedContent": {"text": s.replacement}}],
        }],
    } for s in finding.suggestions if s.safe]


def format_sarif(results: Sequence[Result], options: Options) -> str:
    """One SARIF run with every rule's metadata and one result per finding."""
    index = {rule.id: i for i, rule in enumerate(options.rules)}
    sarif_results = []
    for result in results:
        uri = _uri(result.path, options.root)
        keys = identities(uri, result.source, result.findings, with_words=options.excerpts)
        for f, (key, occurrence) in zip(result.findings, keys):
            region = {"startLine": f.line, "startColumn": f.column,
                      "endLine": f.end_line, "endColumn": f.end_column}
            if options.excerpts:
                region["snippet"] = {"text": f.excerpt}
            entry = {
                "ruleId": f.rule,
                "level": _LEVEL[f.severity.value],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": region,
                }}],
                "partialFingerprints": {"followupLint/v2": f"{key}:{occurrence}"},
            }
            if f.rule in index:
                entry["ruleIndex"] = index[f.rule]
            fixes = _fixes(result, f, uri, region) if options.excerpts else []
            if fixes:
                entry["fixes"] = fixes
            sarif_results.append(entry)
    notifications = [{
        "level": "error",
        "message": {"text": f"not linted: {skipped.reason}"},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(skipped.path, options.root)}}}],
    } for skipped in options.skipped]
    driver = {"name": "followup-lint", "version": __version__,
              "rules": _driver_rules(options)}
    if rules_doc_url():
        driver["informationUri"] = rules_doc_url()
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [{
                "executionSuccessful": not options.skipped,
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

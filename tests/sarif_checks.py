"""Structural checks of a SARIF 2.1.0 log, written from the OASIS specification.

No PyPI package ships the SARIF JSON schema, so the parts of it that followup-lint's
output uses are checked here: required properties, types, enumerations and the allowed
property names of each object (the schema sets ``additionalProperties: false`` on them).
"""

from __future__ import annotations

from typing import Any

_ALLOWED = {
    "log": {"$schema", "version", "runs", "inlineExternalProperties", "properties"},
    "run": {"tool", "invocations", "results", "columnKind", "artifacts", "originalUriBaseIds",
            "properties", "automationDetails", "language", "defaultEncoding"},
    "driver": {"name", "version", "semanticVersion", "informationUri", "rules", "fullName",
               "organization", "properties", "notifications", "shortDescription"},
    "rule": {"id", "name", "shortDescription", "fullDescription", "help", "helpUri",
             "defaultConfiguration", "properties", "messageStrings", "deprecatedIds"},
    "invocation": {"executionSuccessful", "toolExecutionNotifications",
                   "toolConfigurationNotifications", "exitCode", "commandLine", "properties"},
    "notification": {"level", "message", "locations", "descriptor", "exception", "properties"},
    "result": {"ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints",
               "fingerprints", "fixes", "kind", "properties", "suppressions"},
    "location": {"physicalLocation", "message", "properties"},
    "physicalLocation": {"artifactLocation", "region", "contextRegion", "properties"},
    "region": {"startLine", "startColumn", "endLine", "endColumn", "snippet", "charOffset",
               "charLength", "properties"},
    "fix": {"description", "artifactChanges", "properties"},
    "artifactChange": {"artifactLocation", "replacements", "properties"},
    "replacement": {"deletedRegion", "insertedContent", "properties"},
}
_LEVELS = {"none", "note", "warning", "error"}


def _keys(kind: str, value: Any, required: set[str] = frozenset()) -> None:
    assert isinstance(value, dict), (kind, value)
    extra = set(value) - _ALLOWED[kind]
    assert not extra, f"{kind}: properties the SARIF schema does not allow: {extra}"
    missing = set(required) - set(value)
    assert not missing, f"{kind}: missing required {missing}"


def _message(value: Any) -> None:
    assert isinstance(value, dict) and isinstance(value.get("text"), str)


def _region(value: Any) -> None:
    _keys("region", value)
    for key in ("startLine", "startColumn", "endLine", "endColumn"):
        if key in value:
            assert isinstance(value[key], int) and value[key] >= 1, (key, value)
    if "snippet" in value:
        assert isinstance(value["snippet"].get("text"), str)


def _physical(value: Any) -> None:
    _keys("physicalLocation", value, {"artifactLocation"})
    assert isinstance(value["artifactLocation"].get("uri"), str)
    if "region" in value:
        _region(value["region"])


def check_sarif(log: Any) -> list[dict]:
    """Assert the log's structure; returns its results."""
    _keys("log", log, {"version", "runs"})
    assert log["version"] == "2.1.0"
    results: list[dict] = []
    for run in log["runs"]:
        _keys("run", run, {"tool"})
        assert run.get("columnKind") in {"utf16CodeUnits", "unicodeCodePoints"}
        driver = run["tool"]["driver"]
        _keys("driver", driver, {"name"})
        rule_ids = []
        for rule in driver.get("rules", []):
            _keys("rule", rule, {"id"})
            rule_ids.append(rule["id"])
            assert rule["defaultConfiguration"]["level"] in _LEVELS
            if "helpUri" in rule:
                assert rule["helpUri"].startswith(("https://", "http://"))
        for invocation in run.get("invocations", []):
            _keys("invocation", invocation, {"executionSuccessful"})
            assert isinstance(invocation["executionSuccessful"], bool)
            for note in invocation.get("toolExecutionNotifications", []):
                _keys("notification", note, {"message"})
                _message(note["message"])
                assert note.get("level", "warning") in _LEVELS
                for location in note.get("locations", []):
                    _keys("location", location)
                    _physical(location["physicalLocation"])
        for result in run.get("results", []):
            _keys("result", result, {"message"})
            _message(result["message"])
            assert result.get("level", "warning") in _LEVELS
            if "ruleIndex" in result:
                assert rule_ids[result["ruleIndex"]] == result["ruleId"]
            for location in result.get("locations", []):
                _keys("location", location)
                _physical(location["physicalLocation"])
            for name, value in result.get("partialFingerprints", {}).items():
                assert isinstance(name, str) and isinstance(value, str)
            for fix in result.get("fixes", []):
                _keys("fix", fix, {"artifactChanges"})
                for change in fix["artifactChanges"]:
                    _keys("artifactChange", change, {"artifactLocation", "replacements"})
                    for replacement in change["replacements"]:
                        _keys("replacement", replacement, {"deletedRegion"})
                        _region(replacement["deletedRegion"])
            results.append(result)
    return results

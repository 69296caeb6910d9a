"""A template repository as a new user has one, linted the way CI lints it.

Markdown with YAML front matter, HTML with a table, three kinds of e-mail, a
``.gitignore``, an ``exclude``, ``per-file-ignores``, an unreadable file and a file name
that tries to forge a CI annotation. Every finding's position is checked against the
file as stored; the SARIF log against the SARIF 2.1.0 structure with unique
fingerprints; the job summary; and a baseline that survives edits elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sarif_checks import check_sarif
from test_inputs_eml import SHAPES, _decoded, _subject_span
from test_inputs_formats import TEMPLATE_MD

from followup_lint.inputs import read_source

ROOT = Path(__file__).resolve().parents[1]
PANEL_HTML = ("<html><body><p>Hi Ms. Okafor,</p>\n<table>\n<tr><td>Thank you for the tour"
              "</td><td>about the the returns team</td></tr>\n</table>\n"
              "<p>Best regards,<br>Sam</p></body></html>\n")
PLAIN = "Hi Ana,\n\nThank you for the the demo of the Lisbon kiosk rollout.\n\nBest,\nSam\n"
EVIL_NAME = "evil\n::error file=forged.txt::forged annotation.txt"


def cli(*args: str, cwd: Path, env: dict[str, str] | None = None):
    command = [sys.executable, "-m", "followup_lint", "--no-cache", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1", **(env or {})})


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    files = {
        "templates/thanks.md": TEMPLATE_MD,
        "templates/panel.html": PANEL_HTML,
        "notes/plain.txt": PLAIN,
        f"notes/{EVIL_NAME}": PLAIN,
        "legacy/old.txt": "thx 4 the intervew!!\n",
        "drafts/archive/old.txt": "thx 4 the intervew!!\n",
        "scratch/mine.txt": "thx 4 the intervew!!\n",
        ".gitignore": "scratch/\n",
        ".followup-lint.toml": 'extend-exclude = ["drafts/archive/"]\n'
                               '[per-file-ignores]\n"legacy/*.txt" = ["all"]\n',
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "mail").mkdir()
    for shape in ("gmail", "outlook", "apple-mail"):
        (tmp_path / "mail" / f"{shape}.eml").write_bytes(SHAPES[shape]()[0])
    (tmp_path / "notes" / "binary.txt").write_bytes(b"\x00\x01binary")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    return tmp_path


def _check_position(repo: Path, path: str, finding: dict) -> None:
    source = read_source(str(repo / path))
    raw = source.raw or ""
    start, end = finding["start"], finding["end"]
    assert raw[start:end] == finding["excerpt"], (path, finding)
    line_start = raw.rfind("\n", 0, start) + 1
    assert (finding["line"], finding["column"]) == (raw.count("\n", 0, start) + 1,
                                                    start - line_start + 1), (path, finding)
    if not path.endswith(".eml") or end - start > 200 or end == start:
        return
    encoding = {"gmail": "quoted-printable", "outlook": "quoted-printable",
                "apple-mail": "base64"}[Path(path).stem]
    if start < raw.index("\r\n\r\n" if "\r\n\r\n" in raw else "\n\n"):
        whole, _inner = _subject_span(raw, start, end)
        assert whole.strip()
    else:
        assert _decoded(raw, start, end, encoding).strip(), (path, finding)


def test_template_repository_in_ci(repo: Path, tmp_path_factory) -> None:  # noqa: ANN001
    out = tmp_path_factory.mktemp("out")
    result = cli("--format", "json", "--write", f"sarif={out / 'log.sarif'}",
                 "--write", f"github={out / 'annotations.txt'}",
                 "--write", f"summary={out / 'summary.md'}", ".", cwd=repo)
    assert result.returncode == 2, result.stderr  # the binary file was not linted
    document = json.loads(result.stdout)
    linted = {entry["path"] for entry in document["files"]}
    assert linted == {"templates/thanks.md", "templates/panel.html", "notes/plain.txt",
                      f"notes/{EVIL_NAME}", "legacy/old.txt", "mail/gmail.eml",
                      "mail/outlook.eml", "mail/apple-mail.eml"}
    assert [s["path"] for s in document["skipped"]] == ["notes/binary.txt"]
    assert "binary" in document["skipped"][0]["reason"]
    assert document["summary"]["skipped"] == 1

    by_path = {e["path"]: e["report"]["findings"] for e in document["files"]}
    assert by_path["legacy/old.txt"] == []  # per-file-ignores: all
    for path, findings in by_path.items():
        if path != f"notes/{EVIL_NAME}":
            for finding in findings:
                _check_position(repo, path, finding)
    for path in ("templates/thanks.md", "templates/panel.html", "mail/gmail.eml"):
        assert by_path[path], path
    md_rules = {f["rule"] for f in by_path["templates/thanks.md"]}
    assert "missing-greeting" not in md_rules

    log = json.loads((out / "log.sarif").read_text(encoding="utf-8"))
    results = check_sarif(log)
    assert len(results) == sum(len(f) for f in by_path.values())
    fingerprints = [r["partialFingerprints"]["followupLint/v2"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    [invocation] = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    uri = note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "notes/binary.txt"
    assert all("helpUri" in rule for rule in log["runs"][0]["tool"]["driver"]["rules"])
    plain_fixes = [r for r in results if r.get("fixes") and
                   r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                   == "notes/plain.txt"]
    assert plain_fixes, "the safe fix of 'the the' is offered as a SARIF fix"
    assert not any(r.get("fixes") for r in results if r["locations"][0]["physicalLocation"]
                   ["artifactLocation"]["uri"].endswith((".eml", ".html", ".md")))

    annotations = (out / "annotations.txt").read_text(encoding="utf-8").splitlines()
    assert len(annotations) == len(results) + 1
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in annotations)
    assert not any(line.startswith("::error file=forged") for line in annotations)
    assert any("file=notes/evil%0A%3A%3Aerror file=forged.txt%3A%3Aforged" in line
               for line in annotations)
    assert "::error file=forged" not in result.stderr.replace("\\n", "")

    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## followup-lint\n")
    assert "| File | Verdict | Score | Errors | Warnings | Info |" in summary
    for path in linted - {f"notes/{EVIL_NAME}"}:
        assert f"| {path.replace('_', chr(92) + '_')} |" in summary, path
    assert "| notes/binary.txt |" in summary and "### Findings" in summary


def test_baseline_survives_edits_elsewhere(repo: Path) -> None:
    (repo / "notes" / "binary.txt").unlink()
    wrote = cli("--write-baseline", "baseline.json", ".", cwd=repo)
    assert wrote.returncode == 0, wrote.stderr
    baseline = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert baseline["version"] == 1 and "templates/thanks.md" in baseline["files"]
    assert "Contoso" not in (repo / "baseline.json").read_text(encoding="utf-8")
    clean = cli("--baseline", "baseline.json", "--format", "json", ".", cwd=repo)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert all(not e["report"]["findings"] for e in json.loads(clean.stdout)["files"])

    plain = repo / "notes" / "plain.txt"
    edited = PLAIN.replace("Hi Ana,\n\n", "Hi Ana,\n\nThe new office is lovely, thx.\n\n")
    plain.write_text(edited, encoding="utf-8")
    again = cli("--baseline", "baseline.json", "--format", "json", "notes/plain.txt", cwd=repo)
    [entry] = json.loads(again.stdout)["files"]
    new = entry["report"]["findings"]
    assert new and all(f["line"] == 3 for f in new), new  # only the new paragraph
    assert "casual-tone" in {f["rule"] for f in new}
    assert "repeated-word" not in {f["rule"] for f in new}  # moved down, still accepted


def test_github_action_step_script(repo: Path, tmp_path_factory) -> None:  # noqa: ANN001
    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    lint_step = next(s for s in action["runs"]["steps"] if s.get("id") == "lint")
    assert lint_step["run"] == 'bash "${{ github.action_path }}/action/run.sh"'
    assert set(lint_step["env"]) == {"FOLLOWUP_LINT_PATHS", "FOLLOWUP_LINT_FAIL_ON",
                                     "FOLLOWUP_LINT_SARIF", "FOLLOWUP_LINT_ARGS"}
    (repo / "notes" / "binary.txt").unlink()
    (repo / "notes" / EVIL_NAME).unlink()
    out = tmp_path_factory.mktemp("gh")
    env = {"FOLLOWUP_LINT_PATHS": "templates\nnotes", "FOLLOWUP_LINT_FAIL_ON": "warning",
           "FOLLOWUP_LINT_SARIF": str(out / "log.sarif"), "FOLLOWUP_LINT_ARGS": "--no-cache",
           "FOLLOWUP_LINT_PYTHON": sys.executable,
           "GITHUB_STEP_SUMMARY": str(out / "summary.md"), "GITHUB_OUTPUT": str(out / "output")}
    (out / "summary.md").write_text("earlier step\n", encoding="utf-8")
    bash = shutil.which("bash") or "bash"
    run = subprocess.run([bash, str(ROOT / "action" / "run.sh")], cwd=repo, capture_output=True,
                         text=True, timeout=600, env={**os.environ, **env})
    assert run.returncode == 1, run.stderr
    assert (out / "output").read_text(encoding="utf-8") == "exit-code=1\n"
    lines = run.stdout.splitlines()
    assert lines and all(line.startswith("::") for line in lines)
    assert any("file=templates/thanks.md" in line for line in lines)
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("earlier step\n## followup-lint\n")  # appended
    assert "| templates/thanks.md |" in summary
    check_sarif(json.loads((out / "log.sarif").read_text(encoding="utf-8")))

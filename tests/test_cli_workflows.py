"""The console script in CI workflows: formats, settings files, suppressions, fixes, inputs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import cli, make_root

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = """---
company: Contoso
role: Data Analyst
interviewers: [Maria Alvarez]
---
Dear Ms. Alverez,

Thank you for the the tour of the Contoso returns team.  I loved the dashboard demo.

Best regards,
Sam
"""


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "a.txt").write_text(TEMPLATE, encoding="utf-8")
    return make_root(tmp_path)


def test_front_matter_context_and_file_positions(repo: Path) -> None:
    result = cli("--format", "json", "templates/a.txt", cwd=repo)
    [entry] = json.loads(result.stdout)["files"]
    findings = {f["rule"]: f for f in entry["report"]["findings"]}
    mismatch = findings["context-mismatch"]
    assert (mismatch["line"], mismatch["column"]) == (6, 10)
    assert TEMPLATE[mismatch["start"]:mismatch["end"]] == mismatch["excerpt"] == "Alverez"


def test_github_format_and_escaping(repo: Path) -> None:
    out = cli("--format", "github", "templates/a.txt", cwd=repo).stdout.splitlines()
    assert out[0].startswith("::error file=templates/a.txt,line=6,col=10,")
    assert "title=context-mismatch (error)::" in out[0]
    from followup_lint.formatters.github import escape_data, escape_property

    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_sarif_format(repo: Path) -> None:
    document = json.loads(cli("--format", "sarif", "templates/a.txt", cwd=repo).stdout)
    assert document["version"] == "2.1.0" and document["$schema"]
    run = document["runs"][0]
    assert run["tool"]["driver"]["name"] == "followup-lint"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"]
    result = next(r for r in run["results"] if r["ruleId"] == "context-mismatch")
    assert result["level"] == "error" and result["message"]["text"]
    assert rule_ids[result["ruleIndex"]] == "context-mismatch"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "templates/a.txt"
    assert location["region"]["startLine"] == 6 and location["region"]["startColumn"] == 10
    assert location["region"]["endLine"] == 6 and location["region"]["endColumn"] == 17
    assert result["partialFingerprints"]


def test_settings_file_discovery_and_per_file_ignores(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[tool.followup-lint]\nfail-on = "warning"\nignore = ["context"]\n'
        '[tool.followup-lint.per-file-ignores]\n"templates/a.txt" = ["punctuation-spacing"]\n',
        encoding="utf-8")
    elsewhere = make_root(repo / "elsewhere")  # run from another folder of the same tree
    result = cli("--format", "json", str(repo / "templates" / "a.txt"), cwd=elsewhere)
    rules = {f["rule"] for f in json.loads(result.stdout)["files"][0]["report"]["findings"]}
    assert "context-mismatch" not in rules and "punctuation-spacing" not in rules
    assert "repeated-word" in rules
    assert result.returncode == 1  # fail-on = warning from the settings file


def test_dotfile_settings_and_unknown_key(repo: Path) -> None:
    (repo / ".followup-lint.toml").write_text('select = ["proofreading"]\nfial-on = "info"\n',
                                              encoding="utf-8")
    result = cli("templates/a.txt", cwd=repo)
    assert result.returncode == 2
    assert ".followup-lint.toml" in result.stderr and "fial-on" in result.stderr
    assert "allowed keys" in result.stderr and "Traceback" not in result.stderr


def test_explicit_config_overrides_discovery(repo: Path) -> None:
    (repo / ".followup-lint.toml").write_text('select = ["tone"]\n', encoding="utf-8")
    custom = repo / "custom.toml"
    custom.write_text('select = ["proofreading"]\nvocabulary = "words.txt"\n', encoding="utf-8")
    (repo / "words.txt").write_text("alverez\n", encoding="utf-8")
    result = cli("--config", str(custom), "--format", "json", "templates/a.txt", cwd=repo)
    families = {f["family"] for f in json.loads(result.stdout)["files"][0]["report"]["findings"]}
    assert families == {"proofreading"}


def test_inline_suppression_and_unused_directive(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("<!-- followup-lint: disable=casual-tone -->\n"
                    "Hey Ana, thx for the tour of the Lisbon office!!\n"
                    "<!-- followup-lint: enable=casual-tone -->\n"
                    "# followup-lint: disable-next-line=spelling\n"
                    "The pastry demo was great.\n", encoding="utf-8")
    result = cli("--format", "json", str(path), cwd=tmp_path)
    findings = json.loads(result.stdout)["files"][0]["report"]["findings"]
    rules = [f["rule"] for f in findings]
    assert "casual-tone" not in rules
    unused = [f for f in findings if f["rule"] == "unused-suppression"]
    assert len(unused) == 1 and unused[0]["line"] == 4 and unused[0]["severity"] == "info"


def test_fix_and_diff_on_a_copy(repo: Path) -> None:
    path = repo / "templates" / "a.txt"
    diff = cli("--diff", str(path), cwd=repo)
    assert diff.returncode == 1 and "-Thank you for the the tour" in diff.stdout
    assert path.read_text(encoding="utf-8") == TEMPLATE  # --diff changes nothing
    fixed = cli("--fix", str(path), cwd=repo)
    text = path.read_text(encoding="utf-8")
    assert "for the tour of the Contoso returns team. I loved" in text
    assert text.startswith("---\ncompany: Contoso") and text.endswith("Sam\n")
    assert "fixed 2" in fixed.stderr
    assert "repeated-word" not in fixed.stdout and "context-mismatch" in fixed.stdout


def test_fix_leaves_html_alone(tmp_path: Path) -> None:
    path = tmp_path / "note.html"
    original = "<p>Thank you for the the tour.</p>"
    path.write_text(original, encoding="utf-8")
    result = cli("--fix", str(path), cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == original
    assert "only written to plain text" in result.stderr


def test_html_offsets_map_to_the_source(tmp_path: Path) -> None:
    path = tmp_path / "note.html"
    html = ("<html><head><style>p { color: red }</style></head><body>\n"
            "<p>Dear Ms. Ruiz,</p>\n<p>Thank you for the caf&eacute; tour &amp; "
            "the recieve demo.</p>\n<script>var thx = 1;</script></body></html>\n")
    path.write_text(html, encoding="utf-8")
    output = cli("--format", "json", str(path), cwd=tmp_path).stdout
    findings = json.loads(output)["files"][0]["report"]["findings"]
    spelling = [f for f in findings if f["rule"] == "spelling"]
    assert [f["excerpt"] for f in spelling] == ["recieve"]
    assert html[spelling[0]["start"]:spelling[0]["end"]] == "recieve"
    assert spelling[0]["line"] == 3
    assert not [f for f in findings if f["rule"] == "casual-tone"]  # script text is skipped


def test_eml_headers_body_and_charset(tmp_path: Path) -> None:
    path = tmp_path / "note.eml"
    path.write_bytes(
        b"Subject: Hi\r\nDate: Tue, 03 Mar 2026 09:00:00 +0000\r\n"
        b"Content-Type: text/plain; charset=windows-1252\r\n"
        b"Content-Transfer-Encoding: 8bit\r\n\r\n"
        b"Dear Ms. Ruiz,\r\n\r\nThank you for the caf\xe9 tour. I recieve it.\r\n\r\n"
        b"Best,\r\nSam\r\n\r\nOn Mon, 2 Mar 2026, Ruiz wrote:\r\n> thx lol\r\n")
    result = cli("--format", "json", "--interview-at", "2026-02-20T10:00", str(path),
                 cwd=tmp_path)
    findings = json.loads(result.stdout)["files"][0]["report"]["findings"]
    by_rule = {f["rule"]: f for f in findings}
    assert by_rule["spelling"]["line"] == 8 and by_rule["spelling"]["excerpt"] == "recieve"
    assert "weak-subject" in by_rule  # "Hi" from the Subject header
    assert by_rule["late-thank-you"]["severity"] == "error"  # Date header is sent_at
    assert "casual-tone" not in by_rule  # the quoted reply is not the writer's


def test_globs_and_jobs_keep_order(tmp_path: Path) -> None:
    for i in range(8):
        (tmp_path / f"n{i}.txt").write_text(f"thx for tour number {i}", encoding="utf-8")
    one = cli("--format", "json", str(tmp_path / "n*.txt"), cwd=tmp_path)
    two = cli("--format", "json", "--jobs", "2", str(tmp_path / "n*.txt"), cwd=tmp_path)
    paths = [f["path"] for f in json.loads(one.stdout)["files"]]
    assert paths == sorted(paths) and len(paths) == 8
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_statistics(repo: Path) -> None:
    out = cli("--statistics", "templates/a.txt", cwd=repo).stdout
    assert "repeated-word" in out and "context-mismatch" in out


@pytest.mark.slow
def test_pre_commit_hook(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if pre_commit is None or not (ROOT / ".git").exists():
        pytest.skip("pre-commit or the repository's git metadata is not available")
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    consumer = tmp_path / "consumer"
    consumer.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    (consumer / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head}\n  hooks:\n  - id: followup-lint\n",
        encoding="utf-8")
    (consumer / "good.txt").write_text(
        "Dear Ms. Ruiz,\n\nThank you for walking me through the ICU scheduling system on "
        "Tuesday. My two years running night rotas at Mercy would help, and I am excited "
        "about the role.\n\nBest regards,\nKofi\n", encoding="utf-8")
    (consumer / "bad.txt").write_text("thx for the intervew!!\n", encoding="utf-8")
    for command in (["git", "init", "-q"], ["git", "add", "."]):
        subprocess.run(command, cwd=consumer, check=True, env=env)
    result = subprocess.run([pre_commit, "run", "--all-files"], cwd=consumer, env=env,
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.txt" in result.stdout and "spelling" in result.stdout
    assert "good.txt:" not in result.stdout

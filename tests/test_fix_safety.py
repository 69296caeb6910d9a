"""``--fix`` never loses a file: atomic writes, encodings kept, links refused, edits kept.

Every CLI run is a real subprocess in its own temporary folder with ``--no-cache``.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from followup_lint.writeback import WriteError, write_fixed

NOTE = ("Dear Ms. Ruiz,\n\nThank you for the the tour of the bakery on Tuesday. I enjoyed "
        "seeing the new ovens.\n\nBest regards,\nKofi Mensah\n")
FIXED = NOTE.replace("the the", "the")
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file-system semantics")


def _command() -> list[str]:
    exe = shutil.which("followup-lint", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "followup_lint"]


def cli(cwd: Path, *args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_command(), "--no-cache", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, **kwargs)


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_fix_keeps_byte_order_marks_and_utf16(tmp_path: Path) -> None:
    files = {
        "bom.txt": b"\xef\xbb\xbf" + NOTE.encode("utf-8"),
        "le.txt": b"\xff\xfe" + NOTE.replace("\n", "\r\n").encode("utf-16-le"),
        "be.txt": b"\xfe\xff" + NOTE.encode("utf-16-be"),
        "plain.txt": NOTE.encode("utf-8"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    result = cli(tmp_path, "--fix", *files)
    assert result.returncode in (0, 1), result.stderr
    assert (tmp_path / "bom.txt").read_bytes() == b"\xef\xbb\xbf" + FIXED.encode("utf-8")
    assert (tmp_path / "le.txt").read_bytes() == (
        b"\xff\xfe" + FIXED.replace("\n", "\r\n").encode("utf-16-le"))
    assert (tmp_path / "be.txt").read_bytes() == b"\xfe\xff" + FIXED.encode("utf-16-be")
    assert (tmp_path / "plain.txt").read_bytes() == FIXED.encode("utf-8")
    assert result.stderr.count("fixed 1 (repeated-word)") == 4
    assert not _temporaries(tmp_path)


def test_one_fix_run_converges(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(NOTE.replace("I enjoyed", "I want to to to  say I enjoyed"),
                    encoding="utf-8")
    result = cli(tmp_path, "--fix", "--format", "json", "note.txt")
    text = path.read_text(encoding="utf-8")
    assert "I want to say I enjoyed" in text and "the the" not in text
    rules = {f["rule"] for f in json.loads(result.stdout)["files"][0]["report"]["findings"]}
    assert not rules & {"repeated-word", "punctuation-spacing"}
    assert "fixed 4 (punctuation-spacing, repeated-word)" in result.stderr


def test_no_excerpts_does_not_disable_fix_or_diff(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    diff = cli(tmp_path, "--no-excerpts", "--diff", "note.txt")
    assert diff.returncode == 1 and "-Thank you for the the tour" in diff.stdout
    assert path.read_text(encoding="utf-8") == NOTE
    fixed = cli(tmp_path, "--no-excerpts", "--fix", "--format", "json", "note.txt")
    assert path.read_text(encoding="utf-8") == FIXED
    assert "bakery" not in fixed.stdout  # the report itself stays redacted


@POSIX
def test_fix_never_writes_through_a_symlink(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    repo = tmp_path / "repo"
    outside.mkdir()
    (repo / "notes").mkdir(parents=True)
    target = outside / "secret.txt"
    target.write_text(NOTE, encoding="utf-8")
    (repo / "notes" / "link.txt").symlink_to(target)
    (repo / "notes" / "own.txt").write_text(NOTE, encoding="utf-8")

    walked = cli(repo, "--fix", "--format", "json", "notes")
    assert target.read_text(encoding="utf-8") == NOTE  # the folder walk skips the link
    assert "link.txt" not in walked.stdout and "Kofi" not in walked.stdout
    assert (repo / "notes" / "own.txt").read_text(encoding="utf-8") == FIXED

    named = cli(repo, "--fix", "notes/link.txt")
    assert named.returncode == 2
    assert "notes/link.txt" in named.stderr and "symbolic link" in named.stderr
    assert target.read_text(encoding="utf-8") == NOTE
    assert (repo / "notes" / "link.txt").is_symlink()


@POSIX
def test_an_edit_made_while_linting_is_kept(tmp_path: Path) -> None:
    """The run reads note.txt, then blocks on a FIFO; the test edits note.txt meanwhile."""
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    fifo = tmp_path / "later.txt"
    os.mkfifo(fifo)
    process = subprocess.Popen([*_command(), "--no-cache", "--fix", "note.txt", "later.txt"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    with open(fifo, "w", encoding="utf-8") as stream:  # opens once the run reads the FIFO
        edited = NOTE + "P.S. Added while the linter was running.\n"
        path.write_text(edited, encoding="utf-8")
        stream.write("Thank you!\n")
    _out, err = process.communicate(timeout=300)
    assert path.read_text(encoding="utf-8") == edited
    assert process.returncode == 2
    assert "note.txt: changed since it was read" in err
    assert not _temporaries(tmp_path)


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs RLIMIT_FSIZE")
def test_a_full_disk_leaves_the_file_whole_and_fails(tmp_path: Path) -> None:
    """A real file-size limit (RLIMIT_FSIZE) makes the write fail like a full disk."""
    body = "".join(f"Paragraph {i}: the tour of the bakery was a delight.\n\n" for i in range(400))
    original = NOTE.replace("Best regards", body + "Best regards")
    path = tmp_path / "note.txt"
    path.write_text(original, encoding="utf-8")
    limit = 4096
    assert len(original.encode()) > limit

    import resource  # POSIX only

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run([*_command(), "--no-cache", "--fix", "note.txt"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300,
                            preexec_fn=small_disk)
    assert result.returncode == 2
    assert "note.txt: cannot write fixes" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == original
    assert not _temporaries(tmp_path)


@POSIX
def test_ctrl_c_during_the_write_phase_loses_nothing(tmp_path: Path) -> None:
    count = 80
    filler = "The ovens were impressive and the team was kind. " * 120
    original = NOTE.replace("Best regards", filler + "\n\nBest regards")
    for i in range(count):
        (tmp_path / f"note{i:03}.txt").write_text(original, encoding="utf-8")
    process = subprocess.Popen([*_command(), "--no-cache", "--quiet", "--fix", "."],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    assert process.stderr is not None
    lines: list[str] = []

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)

    reader = threading.Thread(target=read)
    reader.start()
    deadline = time.monotonic() + 280
    while not any("fixed" in line for line in lines) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    reader.join(timeout=60)
    assert "Traceback" not in "".join(lines)
    assert process.returncode in (130, 0, 1)
    expected_fixed = original.replace("the the", "the")
    states = [(tmp_path / f"note{i:03}.txt").read_text(encoding="utf-8") for i in range(count)]
    assert all(s in (original, expected_fixed) for s in states)  # never empty or cut short
    assert states.count(expected_fixed) >= 1
    assert not _temporaries(tmp_path)


# -- the writer itself, on real files -------------------------------------------------


def test_write_fixed_refuses_changed_text_and_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(NOTE, encoding="utf-8")
    path.chmod(0o640)
    with pytest.raises(WriteError, match="changed since it was read"):
        write_fixed(path, NOTE + "x", FIXED)
    assert path.read_text(encoding="utf-8") == NOTE
    write_fixed(path, NOTE, FIXED)
    assert path.read_text(encoding="utf-8") == FIXED
    assert path.stat().st_mode & 0o777 == 0o640


@POSIX
def test_write_fixed_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="pipe.txt: not a regular file"):
        write_fixed(fifo, "", "x")
    with pytest.raises(WriteError, match="missing.txt: cannot write fixes"):
        write_fixed(tmp_path / "missing.txt", "", "x")


def test_write_fixed_names_an_unencodable_fix(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(b"\xff\xfe" + "ab".encode("utf-16-le"))
    with pytest.raises(WriteError, match="cannot be encoded as utf-16-le"):
        write_fixed(path, "ab", "a\ud800b")
    assert path.read_bytes() == b"\xff\xfe" + "ab".encode("utf-16-le")


@POSIX
def test_ctrl_c_inside_the_write_is_held_until_the_write_ends() -> None:
    """A Ctrl-C raised inside the write (also one already pending in Python when it starts)
    interrupts only after the temporary file is renamed or removed."""
    from followup_lint.writeback import _interrupts_deferred

    # Python leaves SIGINT ignored when it starts ignored (a run under nohup or '&'): set
    # the handler an interactive run has, and put the inherited one back afterwards.
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    reached = []
    try:
        with pytest.raises(KeyboardInterrupt), _interrupts_deferred():
            signal.raise_signal(signal.SIGINT)  # held by the signal mask
            reached.append("after the signal")
            # Python running its handler for a signal that arrived just before the block
            signal.getsignal(signal.SIGINT)(signal.SIGINT, None)
            reached.append("after the pending one")
        assert reached == ["after the signal", "after the pending one"]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, inherited)

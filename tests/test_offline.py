"""Importing and linting never opens a network connection (run in a fresh process)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import socket

class NoNetwork(Exception):
    pass

def refuse(*args, **kwargs):
    raise NoNetwork("network access attempted")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

import sys
import followup_lint
assert "spacy" not in sys.modules, "import followup_lint must not import spaCy"
from followup_lint import Config, Linter, lint
report = lint("Subject: thanks!!\n\nHey Dana,\n\nThank you for the oppertunity to discuss "
              "the readmission dashboard. Please let me know by Friday.\n\nCheers,\nSam")
assert report.findings, "expected findings"
assert report.metrics.reading_grade is not None
blank = Linter(Config(model="blank")).lint("thx for the tour!!")
assert blank.findings
print("offline-ok", len(report.findings))
"""


def test_no_socket_is_opened_while_importing_and_linting() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "offline-ok" in result.stdout

"""Reading cost of the input readers and of suppression directives, by size.

Measures, without spaCy: how long each reader (txt, md, html, eml as quoted-printable,
base64 and CRLF 8bit) takes per 1,000 characters of file as the file grows, and how
long reading and applying N suppression directives takes as N grows (the cost should
grow linearly: the time per directive stays flat). Prints a markdown table, or JSON with
``--json``.

    python benchmarks/inputs_bench.py
"""

from __future__ import annotations

import argparse
import base64
import json
import quopri
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from followup_lint.inputs import read_bytes  # noqa: E402
from followup_lint.layout import read_layout  # noqa: E402
from followup_lint.model import Finding, Severity  # noqa: E402
from followup_lint.suppression import apply_directives, read_directives  # noqa: E402

PARAGRAPH = ("Thank you for the conversation about the café’s loyalty app and the kiosk "
             "rollout; I enjoyed hearing how the team measures retention. ")


def _best(run, repeat: int = 5) -> float:  # noqa: ANN001
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _files(chars: int) -> dict[str, bytes]:
    body = "Hi Ana,\n\n" + "\n\n".join(PARAGRAPH * 3 for _ in range(chars // 400 + 1))
    body = body[:chars] + "\n\nBest regards,\nSam\n"
    headers = "From: sam@example.com\r\nSubject: =?utf-8?Q?Thank_you_caf=C3=A9?=\r\n"
    return {
        "note.txt": body.encode(),
        "note.md": ("# Title\n\n" + body.replace("\n\n", "\n\n- item\n\n")).encode(),
        "note.html": ("<p>" + body.replace("\n\n", "</p><p>") + "</p>").encode(),
        "qp.eml": (headers + "Content-Type: text/plain; charset=utf-8\r\n"
                   "Content-Transfer-Encoding: quoted-printable\r\n\r\n").encode()
        + quopri.encodestring(body.encode()).replace(b"\n", b"\r\n"),
        "b64.eml": (headers + "Content-Type: text/plain; charset=utf-8\r\n"
                    "Content-Transfer-Encoding: base64\r\n\r\n").encode()
        + base64.encodebytes(body.encode()).replace(b"\n", b"\r\n"),
        "8bit.eml": (headers + "Content-Type: text/plain; charset=utf-8\r\n"
                     "Content-Transfer-Encoding: 8bit\r\n\r\n" + body.replace("\n", "\r\n")
                     ).encode(),
    }


def readers(sizes: list[int]) -> list[dict]:
    rows = []
    for chars in sizes:
        for name, data in _files(chars).items():
            seconds = _best(lambda n=name, d=data: read_bytes(n, d))
            rows.append({"file": name, "chars": chars, "ms": seconds * 1000,
                         "ms_per_1k_chars": seconds * 1000 / (len(data) / 1000)})
    return rows


def directives(counts: list[int]) -> list[dict]:
    rows = []
    for n in counts:
        lines = []
        for i in range(n):
            lines += ["<!-- followup-lint: disable-next-line=casual-tone -->", f"thx {i}"]
        text = "\n".join(lines) + "\n"
        starts = [text.index(f"thx {i}\n") for i in range(n)]
        findings = [Finding(rule="casual-tone", family="tone", severity=Severity.warning,
                            message="m", start=s, end=s + 3, line=1, column=1, end_line=1,
                            end_column=4, excerpt="thx") for s in starts]
        layout = read_layout(text)

        def run(text: str = text, layout=layout, findings=findings) -> None:  # noqa: ANN001
            apply_directives(findings, read_directives(text, layout))

        seconds = _best(run)
        rows.append({"directives": n, "ms": seconds * 1000, "us_per_directive":
                     seconds * 1e6 / n})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = {"readers": readers([10_000, 100_000, 1_000_000]),
              "directives": directives([500, 1_000, 2_000, 4_000, 8_000, 16_000])}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print("| file | characters | read time | ms per 1k characters |\n|---|---:|---:|---:|")
    for row in result["readers"]:
        print(f"| {row['file']} | {row['chars']:,} | {row['ms']:.1f} ms | "
              f"{row['ms_per_1k_chars']:.2f} |")
    print("\n| suppression directives | read + apply | µs per directive |\n|---:|---:|---:|")
    for row in result["directives"]:
        print(f"| {row['directives']:,} | {row['ms']:.1f} ms | {row['us_per_directive']:.1f} |")


if __name__ == "__main__":
    main()

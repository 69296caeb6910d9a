"""Markdown, HTML, YAML front matter and template slots, read as a template repository
holds them; positions are checked against the file as stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_lint import Config, InputError, lint_file
from followup_lint.inputs import DEFAULT_EXTENSIONS, read_bytes, reader_for
from followup_lint.inputs import txt as txt_reader
from followup_lint.templates import find_slots, slot_meaning

TEMPLATE_MD = """---
title: Panel interview thank-you
tags: [interview, thanks]
subject: Thank you
interview:
  company: Contoso
  role: Data Analyst
  interview_at: March 2, 2026
owner: {team: careers}
---
## Thank-you after a panel interview

Hi {{first_name}},

Thank you for the the conversation about [topic discussed] and the [team name] roadmap.
I loved the [demo](https://example.com/thx-thx) of the **returns** dashboard at Contoso,
and `thx` in code is not prose.

- I enjoyed meeting *|FNAME|* and the analysts
- thx for the tour

| Column | thx |
|--------|-----|
| thx    | thx |

```
thx thx in a fence
```

<!-- a note to the team: thx -->

Best regards,
{{sender_name}}
"""


def _check_positions(raw: str, report) -> None:  # noqa: ANN001
    for f in report.findings:
        assert raw[f.start:f.end] == f.excerpt
        line_start = raw.rfind("\n", 0, f.start) + 1
        assert (f.line, f.column) == (raw.count("\n", 0, f.start) + 1, f.start - line_start + 1)


def test_registry_one_reader_per_format() -> None:
    assert set(DEFAULT_EXTENSIONS) >= {".txt", ".md", ".html", ".eml"}
    assert reader_for("notes/x.MD").__module__.endswith(".md")
    assert reader_for("notes/x.rst") is txt_reader.read  # other suffixes: plain text


def test_markdown_prose_only_with_exact_positions(tmp_path: Path) -> None:
    path = tmp_path / "thanks.md"
    path.write_text(TEMPLATE_MD, encoding="utf-8")
    source = read_bytes(str(path), TEMPLATE_MD.encode())
    text = source.text or ""
    assert text.startswith("Hi {{first_name}},")  # the heading is not the first line
    for not_prose in ("##", "example.com", "Column", "in a fence", "a note to the team",
                      "`thx`", "**"):
        assert not_prose not in text
    assert "I enjoyed meeting *|FNAME|* and the analysts\nthx for the tour" in text
    report = lint_file(path, config=Config(mode="template"))
    _check_positions(TEMPLATE_MD, report)
    rules = {f.rule for f in report.findings}
    assert {"repeated-word", "casual-tone"} <= rules
    assert not rules & {"missing-greeting", "missing-specifics", "generic-message",
                        "unfilled-placeholder"}, rules
    thx = [f for f in report.findings if f.rule == "casual-tone"]
    assert [(f.line, f.column) for f in thx] == [(20, 3)]  # only the list item's 'thx'


def test_yaml_front_matter_context_and_errors(tmp_path: Path) -> None:
    source = read_bytes("t.md", TEMPLATE_MD.encode())
    assert source.context is not None
    assert (source.context.company, source.context.role) == ("Contoso", "Data Analyst")
    assert source.context.interview_at is not None and source.context.interview_at.day == 2
    for value, expected in (("2026-03-02", 2), ("2 Mar 2026 2:30 PM", 2),
                            ("Monday, March 2, 2026", 2), ("03/02/2026", 2)):
        text = f"---\ninterview_at: {value}\ndecision-by: 2026-03-20 17:00\n---\nHi Ana,\n"
        parsed = read_bytes("t.txt", text.encode())
        assert parsed.error is None, (value, parsed.error)
        assert parsed.context and parsed.context.interview_at.day == expected
    bad = read_bytes("t.md", b"---\ncompany: Contoso\ninterview_at: secretword soon\n---\nHi\n")
    assert bad.error is not None and "'interview_at'" in bad.error and "2026-03-02" in bad.error
    assert "secretword" not in bad.error  # errors never quote the draft (--no-excerpts)
    broken = read_bytes("t.md", b"---\ntitle: [unclosed secretword\n---\nHi\n")
    assert broken.error and broken.error.startswith("front matter is not valid YAML (line 3")
    assert "secretword" not in broken.error
    kind = read_bytes("t.md", b"---\nkind: thanks\n---\nHi\n")
    assert kind.error == "front matter key 'kind': expected 'thank-you' or 'reminder'"
    path = tmp_path / "bad.md"
    path.write_bytes(b"---\nkind: thanks\n---\nHi\n")
    with pytest.raises(InputError, match="bad.md: front matter key 'kind'"):
        lint_file(path)


def test_html_table_cells_are_separated_and_positioned(tmp_path: Path) -> None:
    raw = ("<html><head><title>x</title></head><body><p>Hi Ana,</p>\n<table><tr>"
           "<td>I am excited</td><td>about the the roadmap</td></tr></table>\n"
           "<p>Thanks &amp; best,<br>Sam</p></body></html>\n")
    path = tmp_path / "note.html"
    path.write_text(raw, encoding="utf-8")
    source = read_bytes(str(path), raw.encode())
    assert "excited\nabout" in (source.text or "") and "excitedabout" not in (source.text or "")
    report = lint_file(path)
    _check_positions(raw, report)
    repeated = next(f for f in report.findings if f.rule == "repeated-word")
    assert repeated.excerpt == "the the"


def test_template_slots_as_data() -> None:
    text = ("Hi *|FNAME|*, $first_name, <<first_name>>, %FIRST_NAME%, {{ company }}, "
            "[topic discussed], ${role} and $50.\n________________________________\n"
            "From: x\nFill in ____ here.")
    found = [text[s:e] for s, e in find_slots(text)]
    assert found == ["*|FNAME|*", "$first_name", "<<first_name>>", "%FIRST_NAME%",
                     "{{ company }}", "[topic discussed]", "${role}", "____"]
    custom = "Ref #ab_cd# here"
    assert [custom[s:e] for s, e in find_slots(custom, {"hash": "#[a-z_]+#"})] == ["#ab_cd#"]
    assert find_slots("Hi [Name]", {"square-brackets": ""}) == []
    assert [slot_meaning(s) for s in ("[topic discussed]", "{{company}}", "*|FNAME|*",
                                      "[Job Title]", "[thing]")] == [
        "discussed", "company", "person", "role", "named"]
    with pytest.raises(ValueError, match="exponential time"):
        Config(template_syntaxes={"bad": r"(a+)+b"})
    with pytest.raises(ValueError, match="invalid regular expression"):
        Config(template_syntaxes={"bad": r"(unclosed"})


def test_well_made_template_is_not_missing_specifics(linter) -> None:  # noqa: ANN001
    from followup_lint.engine import Linter

    template = ("Hi [First Name],\n\nThank you for taking the time to talk with me about the "
                "[Job Title] role. I especially enjoyed our discussion of [topic discussed].\n\n"
                "Best regards,\n[Your Name]\n")
    template_linter = Linter(Config(mode="template"))
    rules = {f.rule for f in template_linter.lint(template).findings}
    assert not rules & {"missing-specifics", "generic-message", "unfilled-placeholder"}, rules
    drafted = {f.rule for f in linter.lint(template).findings}
    assert "unfilled-placeholder" in drafted  # in draft mode the same slots are errors


@pytest.mark.parametrize("name", ["damaged.md", "damaged.html"])
def test_damaged_markup_maps_every_character_into_the_file(name: str) -> None:
    import random

    rng = random.Random(11)
    original = (TEMPLATE_MD if name.endswith(".md") else
                "<p>Hi &amp; <b>Ana</b></p><table><tr><td>a</td></tr></table>"
                "<!-- followup-lint: disable=spelling --><![CDATA[x]]>").encode()
    pieces = [b"[", b"](", b"`", b"```\n", b"<!--", b"-->", b"&#", b"\n---\n", b"*|", b"|*",
              b"\r\n", b"> ", b"- ", b"<td>", b"<![", b"<!"]
    for _ in range(150):
        damaged = bytearray(original)
        for _ in range(rng.randint(1, 15)):
            at = rng.randrange(len(damaged))
            choice = rng.random()
            if choice < 0.3:
                damaged[at] = rng.choice(b"[]()*_`<>!&;#-|\n \\=")
            elif choice < 0.6:
                del damaged[at:at + rng.randint(1, 20)]
            else:
                damaged[at:at] = rng.choice(pieces)
        source = read_bytes(name, bytes(damaged))
        if source.text is None:
            assert source.error
            continue
        raw = source.raw or ""
        for k, char in enumerate(source.text):
            start, end = source.to_raw(k, k + 1)
            assert 0 <= start <= end <= len(raw)
            if end - start == 1:
                assert raw[start] == char  # a copied character is the file's character

"""The language server end to end: pygls' client launches ``python -m followup_lint lsp``
as a subprocess and talks to it over stdio, as an editor would."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

types = pytest.importorskip("lsprotocol.types", reason="the lsp extra (pygls) is not installed")
client_module = pytest.importorskip("pygls.lsp.client")

TIMEOUT = 180
DRAFT = ("Dear Ms. Ruiz,\n\n"
         "Thank you 😀 for teh tour of the 中文 ICU scheduling system on Tuesday.  I would "
         "love to help reduce the overtime you described.\n\nBest regards,\nKofi\n")


def utf16_column(line: str, index: int) -> int:
    """Independent count: UTF-16 units before ``index`` in ``line``."""
    return len(line[:index].encode("utf-16-le")) // 2


def offset(text: str, position) -> int:
    """Character offset of an LSP position (line, UTF-16 character) in ``text``."""
    lines = text.split("\n")
    line = lines[position.line]
    units, index = 0, 0
    while units < position.character:
        units += 2 if ord(line[index]) > 0xFFFF else 1
        index += 1
    return sum(len(x) + 1 for x in lines[:position.line]) + index


def apply(text: str, edits) -> str:
    spans = sorted(((offset(text, e.range.start), offset(text, e.range.end), e.new_text)
                    for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


async def _session(folder: Path) -> None:
    client = client_module.BaseLanguageClient("followup-lint-test", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params) -> None:
        published.put_nowait(params)

    async def next_diagnostics(version: int, uri: str | None = None):
        while True:
            params = await asyncio.wait_for(published.get(), TIMEOUT)
            if params.version == version and (uri is None or params.uri == uri):
                return params.diagnostics

    await client.start_io(sys.executable, "-m", "followup_lint", "lsp", cwd=str(folder))
    try:
        result = await asyncio.wait_for(client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=folder.as_uri())), TIMEOUT)
        assert result.capabilities.code_action_provider and result.capabilities.hover_provider
        assert result.capabilities.position_encoding in (None, types.PositionEncodingKind.Utf16)
        client.initialized(types.InitializedParams())

        path = folder / "note.txt"
        path.write_text(DRAFT, encoding="utf-8")
        uri = path.as_uri()
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=DRAFT)))
        diagnostics = await next_diagnostics(1)
        rules = {d.code for d in diagnostics}
        assert {"spelling", "punctuation-spacing"} <= rules
        assert "casual-tone" not in rules  # ignored by the settings file of the folder

        # Positions in UTF-16 units: after the emoji (2 units) and the CJK text (1 each).
        line = DRAFT.split("\n")[2]
        spelling = next(d for d in diagnostics if d.code == "spelling")
        assert spelling.range.start.line == 2
        assert spelling.range.start.character == utf16_column(line, line.index("teh"))
        assert spelling.range.start.character == line.index("teh") + 1
        spacing = next(d for d in diagnostics if d.code == "punctuation-spacing")
        assert spacing.range.start.character == utf16_column(line, line.index(".  I") + 1)

        # An edit: the misspelling is corrected; new diagnostics arrive for version 2.
        start = line.index("teh")
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(2, utf16_column(line, start)),
                                  types.Position(2, utf16_column(line, start + 3))),
                text="the")]))
        text = DRAFT.replace("teh", "the")
        diagnostics = await next_diagnostics(2)
        assert "spelling" not in {d.code for d in diagnostics}
        spacing = next(d for d in diagnostics if d.code == "punctuation-spacing")

        # Hover explains the rule.
        hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri), spacing.range.start)), TIMEOUT)
        assert hover is not None and "punctuation-spacing" in hover.contents.value

        # A code action for the double space, applied as an editor would.
        actions = await asyncio.wait_for(client.text_document_code_action_async(
            types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri),
                                   range=spacing.range,
                                   context=types.CodeActionContext(diagnostics=[spacing]))),
            TIMEOUT)
        quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
        assert len(quick) == 1 and "punctuation-spacing" in quick[0].title
        fixed = apply(text, quick[0].edit.changes[uri])
        assert fixed == text.replace(".  I", ". I")
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)]))
        diagnostics = await next_diagnostics(3)
        assert "punctuation-spacing" not in {d.code for d in diagnostics}

        # A draft that cannot be read gets one diagnostic saying why, and no crash.
        broken = (folder / "broken.md").as_uri()
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=broken, language_id="markdown", version=1,
                                   text="---\ncompany Contoso\n---\nDear Ms. Chen,\n")))
        [problem] = await next_diagnostics(1, broken)
        assert problem.code == "input-error" and "front matter" in problem.message

        await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
        client.exit(None)
    finally:
        await client.stop()


def test_language_server_over_stdio(tmp_path: Path) -> None:
    (tmp_path / ".followup-lint.toml").write_text('ignore = ["casual-tone"]\n',
                                                   encoding="utf-8")
    asyncio.run(_session(tmp_path))


def test_lsp_command_line_errors() -> None:
    import subprocess

    result = subprocess.run([sys.executable, "-m", "followup_lint", "lsp", "--port", "1"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "unexpected arguments" in result.stderr
    assert "Traceback" not in result.stderr
    helped = subprocess.run([sys.executable, "-m", "followup_lint", "lsp", "--help"],
                            capture_output=True, text=True, timeout=120)
    assert helped.returncode == 0 and "followup-lint lsp" in helped.stdout

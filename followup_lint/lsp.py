"""``followup-lint lsp``: a Language Server for editors (needs the ``lsp`` extra, pygls).

Drafts (``.txt``, ``.md``, ``.eml``, ``.html``) are linted as they are edited: a change
waits DEBOUNCE seconds for the next keystroke, then the buffer is linted in a worker
thread with the settings file of the draft's folder and the result cache, and the
findings are published as diagnostics. Safe fixes are offered as quick fixes (and all
of them as one "fix all" action); hovering a finding explains its rule. Positions are
sent in UTF-16 code units, as the protocol requires.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path

from followup_lint import __version__
from followup_lint.errors import FollowupLintError
from followup_lint.fixes import Edit, safe_edits
from followup_lint.inputs import DEFAULT_EXTENSIONS, Source, read_bytes
from followup_lint.model import Finding, Report, Severity
from followup_lint.offsets import Utf16Index

#: Seconds to wait after a change before linting (typing resets the wait).
DEBOUNCE = 0.3
EXTENSIONS = (*DEFAULT_EXTENSIONS, ".htm")
SOURCE_NAME = "followup-lint"


class InputError(ValueError):
    """The buffer cannot be linted as a draft (e.g. malformed front matter)."""


@dataclass(frozen=True)
class Linted:
    """The last lint of one document: the text it saw, the source and the report."""

    version: int | None
    text: str
    source: Source
    report: Report


class Positions:
    """Character offsets of a text <-> LSP positions (line, UTF-16 units in the line)."""

    def __init__(self, text: str) -> None:
        self.units = Utf16Index(text)
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) for a character offset, both 0-based, UTF-16 units."""
        from bisect import bisect_right

        line = bisect_right(self.starts, offset) - 1
        return line, self.units.offset(offset) - self.units.offset(self.starts[line])


def lint_document(path: str, text: str, cache_dir: Path | None) -> tuple[Source, Report]:
    """Lint an editor buffer as the command line would lint the file at ``path``."""
    from followup_lint.cache import ResultCache
    from followup_lint.engine import shared_linter
    from followup_lint.fileview import filter_ignored, rule_dirs, sending_now
    from followup_lint.settings import SettingsResolver

    source = read_bytes(path, text.encode("utf-8"))
    if source.error is not None or source.text is None:
        raise InputError(source.error or "cannot read this draft")
    settings = SettingsResolver().for_path(path)
    context = sending_now(source.context) if source.context is not None else None
    cache = ResultCache(cache_dir) if cache_dir is not None else None
    key = cache.key(source.text, settings.config, context, settings.rule_dirs) if cache else ""
    report = cache.get(key) if cache else None
    if report is None:
        report = shared_linter(settings.config, rule_dirs(settings)).lint(source.text, context)
        if cache:
            cache.put(key, report)
    report = filter_ignored(report, settings.ignored_for(path))
    return source, source.locate(report)


def _server():  # noqa: C901 - one closure per protocol feature reads best together
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path

    server = LanguageServer(SOURCE_NAME, __version__,
                            text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
    linted: dict[str, Linted] = {}
    pending: dict[str, asyncio.Task] = {}
    severities = {Severity.error: types.DiagnosticSeverity.Error,
                  Severity.warning: types.DiagnosticSeverity.Warning,
                  Severity.info: types.DiagnosticSeverity.Information}

    def cache_dir() -> Path | None:
        root = server.workspace.root_path
        return Path(root) / ".followup-lint-cache" if root else None

    def lsp_range(positions: Positions, start: int, end: int) -> types.Range:
        (l1, c1), (l2, c2) = positions.position(start), positions.position(end)
        return types.Range(start=types.Position(l1, c1), end=types.Position(l2, c2))

    def diagnostic(positions: Positions, f: Finding) -> types.Diagnostic:
        return types.Diagnostic(
            range=lsp_range(positions, f.start, f.end), message=f.message,
            severity=severities[f.severity], code=f.rule, source=SOURCE_NAME,
            data={"rule": f.rule, "start": f.start, "end": f.end})

    async def lint_later(uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = server.workspace.get_text_document(uri)
        text, version = document.source, document.version
        path = to_fs_path(uri) or uri
        try:
            source, report = await asyncio.get_running_loop().run_in_executor(
                None, lint_document, path, text, cache_dir())
        except (InputError, FollowupLintError) as exc:
            # A draft or settings file that cannot be read: say so where the writer looks.
            if server.workspace.get_text_document(uri).version == version:
                linted.pop(uri, None)
                server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                    uri=uri, version=version, diagnostics=[types.Diagnostic(
                        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                        message=str(exc), severity=types.DiagnosticSeverity.Error,
                        code="input-error", source=SOURCE_NAME)]))
            return
        except Exception as exc:  # pragma: no cover - a bug: report it, keep serving
            server.window_show_message(types.ShowMessageParams(
                types.MessageType.Error, f"followup-lint: {Path(path).name}: {exc!r}"))
            return
        if server.workspace.get_text_document(uri).version != version:
            return  # edited meanwhile; the newer lint will publish
        linted[uri] = Linted(version, text, source, report)
        positions = Positions(text)
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version,
            diagnostics=[diagnostic(positions, f) for f in report.findings]))

    def schedule(uri: str, delay: float) -> None:
        if Path(to_fs_path(uri) or uri).suffix.lower() not in EXTENSIONS:
            return
        if uri in pending:
            pending[uri].cancel()
        pending[uri] = asyncio.ensure_future(lint_later(uri, delay))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        schedule(params.text_document.uri, 0)  # a settings file may have changed too

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in pending:
            pending.pop(uri).cancel()
        linted.pop(uri, None)
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def current(uri: str) -> Linted | None:
        done = linted.get(uri)
        document = server.workspace.get_text_document(uri)
        return done if done is not None and done.text == document.source else None

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]))
    def code_action(ls: LanguageServer, params: types.CodeActionParams):
        uri = params.text_document.uri
        done = current(uri)
        if done is None or not done.source.exact:
            return []  # fixes are only made where the buffer is the linted text itself
        document = server.workspace.get_text_document(uri)
        first = document.offset_at_position(params.range.start)
        last = document.offset_at_position(params.range.end)
        positions = Positions(done.text)
        edits = safe_edits(done.report.findings)
        by_span = {(f.start, f.end, f.rule): f for f in done.report.findings}

        def text_edit(edit: Edit) -> types.TextEdit:
            return types.TextEdit(range=lsp_range(positions, edit.start, edit.end),
                                  new_text=edit.replacement)

        actions = []
        for edit in edits:
            if edit.end < first or edit.start > last:
                continue
            finding = by_span[(edit.start, edit.end, edit.rule)]
            actions.append(types.CodeAction(
                title=f"Fix {edit.rule}: replace {finding.excerpt!r} with {edit.replacement!r}",
                kind=types.CodeActionKind.QuickFix, is_preferred=True,
                diagnostics=[diagnostic(positions, finding)],
                edit=types.WorkspaceEdit(changes={uri: [text_edit(edit)]})))
        if edits:
            actions.append(types.CodeAction(
                title=f"Apply all {len(edits)} safe followup-lint fixes",
                kind=types.CodeActionKind.SourceFixAll,
                edit=types.WorkspaceEdit(changes={uri: [text_edit(e) for e in edits]})))
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: LanguageServer, params: types.HoverParams) -> types.Hover | None:
        from followup_lint.packs.loading import load_rules

        done = current(params.text_document.uri)
        if done is None:
            return None
        document = server.workspace.get_text_document(params.text_document.uri)
        offset = document.offset_at_position(params.position)
        here = [f for f in done.report.findings if f.start <= offset <= f.end]
        if not here:
            return None
        rules = {rule.id: rule for rule in load_rules()}
        parts = []
        for f in here:
            rule = rules.get(f.rule)
            text = f"**{f.rule}** ({f.severity.value}): {f.message}"
            if rule is not None:
                text += f"\n\n{rule.summary} {' '.join(rule.rationale.split())}"
            if f.suggestions:
                text += "\n\nTry: " + ", ".join(f"`{s.replacement}`" for s in f.suggestions[:5])
            parts.append(text)
        return types.Hover(contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))

    return server


def serve(argv: list[str]) -> int:
    """Run the server over standard input and output until the client shuts it down."""
    if argv and argv[0] in ("-h", "--help"):
        print("usage: followup-lint lsp\n\nRun the language server over stdio "
              "(for editors; needs: pip install 'followup-lint[lsp]').")
        return 0
    if argv:
        print(f"followup-lint lsp: unexpected arguments: {' '.join(argv)}", file=sys.stderr)
        return 2
    try:
        server = _server()
    except ImportError as exc:
        print(f"followup-lint lsp: the language server needs pygls ({exc.name} is missing); "
              "install it with: pip install 'followup-lint[lsp]'", file=sys.stderr)
        return 2
    server.start_io()
    return 0

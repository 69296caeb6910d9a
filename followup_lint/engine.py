"""STAGE 3: the Linter -- load the pipeline and the rules once, then lint drafts in batches.

Set-up binds every rule pack to a :class:`~followup_lint.rule.Rule`, selects the enabled
ones and resolves their options (``followup_lint.selection``); on first use it loads the
pipeline and compiles the shared matchers. Each draft's findings are collected by
``followup_lint.findings`` and assembled into a Report by ``followup_lint.report``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from followup_lint.config import Config
from followup_lint.draft import Draft, clean_text, parse_drafts
from followup_lint.errors import InputTooLargeError
from followup_lint.findings import MetaRules, collect
from followup_lint.model import Context, Report
from followup_lint.nlp import Pipeline, load_pipeline
from followup_lint.offsets import with_utf16
from followup_lint.packs.binding import bind_all
from followup_lint.packs.compiling import CompiledMatchers, compile_matchers
from followup_lint.packs.loading import load_rules
from followup_lint.report import build_report
from followup_lint.rule import whole_draft_span
from followup_lint.selection import resolve_options, select_rules
from followup_lint.stamping import LineIndex, Stamper

if TYPE_CHECKING:
    from pathlib import Path

#: The rule that reports suppression comments which suppressed nothing.
UNUSED_SUPPRESSION = "unused-suppression"
#: The rule that reports a rule which raised instead of finishing.
INTERNAL_ERROR = "internal-error"
#: Texts per spaCy memory zone: strings interned while linting them are freed after.
_ZONE_SIZE = 512


@dataclass
class _Loaded:
    pipeline: Pipeline
    matchers: CompiledMatchers
    degraded: frozenset[str]


def _take_contexts(contexts: Iterator[Context | None], n: int) -> list[Context | None]:
    found = list(islice(contexts, n))
    if len(found) < n:
        raise ValueError("fewer contexts than texts")
    for item in found:
        if item is not None and not isinstance(item, Context):
            raise TypeError(f"expected Context or None, got {type(item).__name__}")
    return found


class Linter:
    """Lints follow-up drafts; build once and reuse (the pipeline and matchers are cached).

    ``lint`` and ``lint_many`` are safe to call from several threads, also on different
    Linters: every Linter using one spaCy pipeline serialises on that pipeline's lock
    (see nlp.Pipeline), one chunk of up to 512 drafts at a time.
    """

    def __init__(self, config: Config | None = None, *, rule_dirs: Iterable[Path] | None = None):
        self.config = config or Config()
        specs = load_rules(rule_dirs)
        every = bind_all(specs, lambda: self._load().matchers)
        self.rules = select_rules(every, self.config)
        self.options = resolve_options(every, self.config)
        enabled = {r.id for r in self.rules}
        by_id = {r.id: r.spec for r in every}
        self._meta = MetaRules(
            unused_suppression=by_id.get(UNUSED_SUPPRESSION) if UNUSED_SUPPRESSION in enabled
            else None,
            internal_error=by_id.get(INTERNAL_ERROR),
            known_names=frozenset({r.id for r in every} | {r.spec.family for r in every}),
        )
        self._loaded: _Loaded | None = None
        self._lock = threading.RLock()

    # -- set-up ---------------------------------------------------------------------
    def _load(self) -> _Loaded:
        with self._lock:
            if self._loaded is None:
                need_entities = any("ents" in r.needs for r in self.rules)
                pipeline = load_pipeline(self.config.model, need_entities=need_entities)
                matchers = compile_matchers((r.spec for r in self.rules), pipeline)
                degraded = frozenset(
                    r.id for r in self.rules if not r.needs <= pipeline.capabilities
                )
                self._loaded = _Loaded(pipeline, matchers, degraded)
            return self._loaded

    @property
    def pipeline(self) -> Pipeline:
        """The loaded spaCy pipeline (loads it on first use)."""
        return self._load().pipeline

    # -- public API -----------------------------------------------------------------
    def lint(self, text: str, context: Context | None = None) -> Report:
        """Lint one draft."""
        return next(self.lint_many([text], [context]))

    def lint_many(
        self,
        texts: Iterable[str],
        contexts: Iterable[Context | None] | Context | None = None,
        *,
        batch_size: int = 32,
        n_process: int = 1,
    ) -> Iterator[Report]:
        """Lint many drafts in batches through ``nlp.pipe``; yields Reports in input order.

        ``contexts`` is one Context for all drafts, or one (or None) per draft.
        """
        loaded = self._load()
        shared = contexts if contexts is None or isinstance(contexts, Context) else None
        context_iter = None if contexts is None or isinstance(contexts, Context) else iter(contexts)
        iterator = iter(texts)
        while True:
            chunk = list(islice(iterator, _ZONE_SIZE))
            if not chunk:
                return
            for text in chunk:
                if not isinstance(text, str):
                    raise TypeError(f"expected str, got {type(text).__name__}")
                if len(text) > self.config.max_chars:
                    raise InputTooLargeError(
                        f"draft of {len(text):,} characters is over the limit of "
                        f"{self.config.max_chars:,} (Config.max_chars)")
            chunk = [clean_text(text) for text in chunk]
            chunk_contexts = (
                [shared] * len(chunk) if context_iter is None
                else _take_contexts(context_iter, len(chunk))
            )
            # One lock per pipeline, shared by every Linter that uses it; the reports of a
            # chunk are made under it and yielded after, so a paused generator holds no lock.
            with loaded.pipeline.lock, loaded.pipeline.nlp.memory_zone():
                drafts = parse_drafts(
                    loaded.pipeline, chunk, chunk_contexts, self.config.mode,
                    batch_size=batch_size, n_process=n_process,
                    slot_syntaxes=self.config.template_syntaxes,
                )
                reports = [self._report(draft, loaded) for draft in drafts]
            yield from reports

    # -- internals ------------------------------------------------------------------
    def _report(self, draft: Draft, loaded: _Loaded) -> Report:
        stamper = Stamper(draft.text, LineIndex(draft.text), self.config, loaded.degraded,
                          anchor=whole_draft_span(draft))
        findings = with_utf16(draft.text, collect(draft, self.rules, self.options, stamper,
                                                  self._meta))
        return build_report(
            findings,
            kind=draft.kind,
            kind_inferred=draft.kind_inferred,
            mode=draft.mode,
            metrics=draft.metrics,
            model=loaded.pipeline.name,
            pipeline=loaded.pipeline.components,
            degraded_rules=loaded.degraded,
            rules=[r.id for r in self.rules],
        )


#: Linters kept by ``shared_linter``, least recently used dropped first, so a service
#: linting with many per-user configs keeps flat memory.
MAX_CACHED_LINTERS = 8
_linters: OrderedDict[str, Linter] = OrderedDict()
_linters_lock = threading.Lock()


def shared_linter(config: Config, rule_dirs: Iterable[Path] | None = None) -> Linter:
    """The process-wide Linter for ``config`` and ``rule_dirs``, built on first use (the one
    Linter cache, shared by ``followup_lint.lint`` and the command line)."""
    dirs = None if rule_dirs is None else tuple(rule_dirs)
    key = config.model_dump_json() + "|" + "|".join(map(str, dirs or ()))
    with _linters_lock:
        linter = _linters.get(key)
        if linter is None:
            linter = _linters[key] = Linter(config, rule_dirs=dirs)
            while len(_linters) > MAX_CACHED_LINTERS:
                _linters.popitem(last=False)
        else:
            _linters.move_to_end(key)
        return linter

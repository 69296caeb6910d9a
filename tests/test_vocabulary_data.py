"""Shape and consistency of the shipped vocabulary data (offline, against pyspellchecker)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

VOCAB_DIR = Path(__file__).resolve().parents[1] / "rules" / "vocabulary"
PROFESSIONAL = VOCAB_DIR / "professional.txt"
MISSPELLINGS = VOCAB_DIR / "misspellings.tsv"

_PROFESSIONAL_WORD = re.compile(r"[a-z0-9'-]+")
_MISSPELLING_WORD = re.compile(r"[a-z'-]+")


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


@pytest.fixture(scope="module")
def professional() -> list[str]:
    return _lines(PROFESSIONAL)


@pytest.fixture(scope="module")
def misspelling_rows() -> list[list[str]]:
    return [line.split("\t") for line in _lines(MISSPELLINGS)]


@pytest.fixture(scope="module")
def misspellings(misspelling_rows: list[list[str]]) -> dict[str, str]:
    return {row[0]: row[1] for row in misspelling_rows if len(row) == 2}


@pytest.fixture(scope="module")
def checker():
    spellchecker = pytest.importorskip("spellchecker")
    return spellchecker.SpellChecker(language="en", distance=1)


def test_files_exist() -> None:
    assert PROFESSIONAL.is_file(), PROFESSIONAL
    assert MISSPELLINGS.is_file(), MISSPELLINGS


@pytest.mark.parametrize("path", [PROFESSIONAL, MISSPELLINGS], ids=lambda p: p.name)
def test_file_ends_with_one_newline(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\r" not in text


def test_professional_has_no_blank_lines_or_whitespace(professional: list[str]) -> None:
    assert professional, "professional.txt is empty"
    bad = [w for w in professional if not w or w != w.strip() or any(c.isspace() for c in w)]
    assert bad == []


def test_professional_words_are_lowercase_and_well_formed(professional: list[str]) -> None:
    bad = [w for w in professional if not _PROFESSIONAL_WORD.fullmatch(w)]
    assert bad == []


def test_professional_sorted_and_unique(professional: list[str]) -> None:
    assert professional == sorted(professional)
    assert len(professional) == len(set(professional))


def test_professional_words_are_unknown_to_base_dictionary(
    professional: list[str], checker
) -> None:
    known = sorted(set(professional) - set(checker.unknown(professional)))
    assert known == [], f"already in pyspellchecker's dictionary: {known}"


def test_misspellings_have_two_fields_per_line(misspelling_rows: list[list[str]]) -> None:
    assert misspelling_rows, "misspellings.tsv is empty"
    bad = [row for row in misspelling_rows if len(row) != 2]
    assert bad == []


def test_misspellings_have_no_blank_fields_or_whitespace(
    misspelling_rows: list[list[str]],
) -> None:
    bad = [
        row
        for row in misspelling_rows
        if any(not field or any(c.isspace() for c in field) for field in row)
    ]
    assert bad == []


def test_misspellings_are_lowercase_and_well_formed(misspelling_rows: list[list[str]]) -> None:
    bad = [row for row in misspelling_rows if not all(_MISSPELLING_WORD.fullmatch(f) for f in row)]
    assert bad == []


def test_misspellings_sorted_and_unique(misspelling_rows: list[list[str]]) -> None:
    keys = [row[0] for row in misspelling_rows]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))
    assert len(misspelling_rows) == len({tuple(row) for row in misspelling_rows})


def test_no_misspelling_equals_its_correction(misspellings: dict[str, str]) -> None:
    assert [m for m, c in misspellings.items() if m == c] == []


def test_no_misspelling_is_a_professional_word(
    misspellings: dict[str, str], professional: list[str]
) -> None:
    assert sorted(set(misspellings) & set(professional)) == []


def test_no_correction_is_itself_a_misspelling(misspellings: dict[str, str]) -> None:
    chained = {m: c for m, c in misspellings.items() if c in misspellings}
    assert chained == {}


def test_misspellings_are_unknown_to_base_dictionary(
    misspellings: dict[str, str], checker
) -> None:
    known = sorted(set(misspellings) - set(checker.unknown(list(misspellings))))
    assert known == [], f"these 'misspellings' are dictionary words: {known}"


def test_corrections_are_known_words(misspellings: dict[str, str], checker) -> None:
    corrections = sorted(set(misspellings.values()))
    unknown = sorted(checker.unknown(corrections))
    assert unknown == [], f"corrections pyspellchecker does not know: {unknown}"


CATEGORY_LISTS = sorted(p.name for p in VOCAB_DIR.glob("*.txt") if p.name != "professional.txt")


def test_every_category_list_is_documented() -> None:
    readme = (VOCAB_DIR / "README.md").read_text(encoding="utf-8")
    assert [n for n in CATEGORY_LISTS if f"`{n}`" not in readme] == []


@pytest.mark.parametrize("name", CATEGORY_LISTS)
def test_word_lists_sorted_unique_lowercase(name: str) -> None:
    words = _lines(VOCAB_DIR / name)
    assert words, name
    assert words == sorted(set(words)), f"{name} must be sorted and unique"
    assert all(w == w.strip().lower() and w for w in words)


def test_role_nouns_are_not_generic() -> None:
    generic = set(_lines(VOCAB_DIR / "generic-nouns.txt"))
    assert not generic & set(_lines(VOCAB_DIR / "role-nouns.txt"))

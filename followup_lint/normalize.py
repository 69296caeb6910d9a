"""STAGE 0: typographic normalisation, one character for one character.

Real mail is typographically messy: Gmail, Outlook and Word turn ``'`` into ``’``,
``-`` into ``–`` and three dots into ``…``; pasted text brings non-breaking and
zero-width spaces and full-width forms. Rules are written once, for the plain forms,
and the parser reads :func:`plain`, a copy of the draft in which each such character is
replaced by exactly one plain character. Because the copy has the same length, every
offset into it is an offset into the original: findings keep pointing at, and quoting,
what the writer typed.
"""

from __future__ import annotations

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u00b4\u0060\uff07\u02bc"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\uff02"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters become spaces: a space keeps the length, and these only ever
# separate words (or glue emoji, which are judged on the original text).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    table.update({ord(c): "'" for c in _SINGLE_QUOTES})
    table.update({ord(c): '"' for c in _DOUBLE_QUOTES})
    table.update({ord(c): "-" for c in _DASHES})
    table.update({ord(c): " " for c in _SPACES + _INVISIBLE})
    table[ord("\u2026")] = "."  # an ellipsis ends or trails off like a full stop
    # Full-width ASCII (！ to ～) to ASCII.
    table.update({code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)})
    return table


_TABLE = _table()


def plain(text: str) -> str:
    """``text`` with curly quotes, primes, dashes, ellipses, odd spaces, zero-width and
    full-width characters replaced by plain ones; always exactly as long as ``text``."""
    return text.translate(_TABLE)

"""Write a minimal rule pack (and its Python module) for tests that need a rule of their
own: one that raises, one that names a scorer category, ..."""

from __future__ import annotations

from pathlib import Path

_PACK = """id = "{id}"
family = "custom"
severity = "warning"
summary = "s"
rationale = "r"
{body}
[examples]
fail = ["a", "b"]
pass = ["c", "d"]
"""


def write_rule(root: Path, rule_id: str, *, module: str | None = None, body: str = "") -> Path:
    """``root/custom/<rule_id>.toml`` with ``body`` after the metadata (``python = true``
    and ``<rule_id>.py`` holding ``module`` when one is given); returns ``root``."""
    folder = root / "custom"
    folder.mkdir(parents=True, exist_ok=True)
    if module is not None:
        body = f"python = true\n{body}"
        (folder / f"{rule_id}.py").write_text(module, encoding="utf-8")
    (folder / f"{rule_id}.toml").write_text(_PACK.format(id=rule_id, body=body),
                                            encoding="utf-8")
    return root

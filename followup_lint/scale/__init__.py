"""Lint a data set of drafts on Dask: a laptop's local cluster or an existing one.

Data flow, one module per step:

* ``job``    -- :class:`LintJob`: the Config and the extra rule packs, validated once on
  the client and shipped with every task; on a worker, one Linter per process, built
  on first use and reused by every later partition.
* ``tables`` -- one partition of rows (a pyarrow Table) -> a findings table and a drafts
  table; bad drafts become error rows, never a lost partition.
* ``frame``  -- :func:`lint_frame`: the same on a Dask (or pandas) DataFrame, lazily.
* ``batch``  -- ``followup-lint batch``: plan partitions of a Parquet, JSON Lines or CSV
  file, lint them on the cluster, write ``DIR/findings/`` and ``DIR/drafts/`` atomically,
  skip what a previous run already wrote.

Needs the optional extra: ``pip install "followup-lint[dask]"``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup_lint.scale.frame import LintedFrames, lint_frame
    from followup_lint.scale.job import LintJob
    from followup_lint.scale.tables import CONTEXT_FIELDS, DRAFTS_SCHEMA, FINDINGS_SCHEMA

#: Public names and their modules, imported on first use (so that a missing optional
#: dependency surfaces as a clear message from the command, not at package import).
_EXPORTS = {
    "lint_frame": "frame", "LintedFrames": "frame", "LintJob": "job",
    "CONTEXT_FIELDS": "tables", "DRAFTS_SCHEMA": "tables", "FINDINGS_SCHEMA": "tables",
}
__all__ = ["CONTEXT_FIELDS", "DRAFTS_SCHEMA", "FINDINGS_SCHEMA", "LintJob", "LintedFrames",
           "lint_frame"]


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        module = importlib.import_module(f"followup_lint.scale.{_EXPORTS[name]}")
        return getattr(module, name)
    raise AttributeError(f"module 'followup_lint.scale' has no attribute {name!r}")

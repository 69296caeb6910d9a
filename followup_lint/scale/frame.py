"""Python API: lint a Dask (or pandas) DataFrame of drafts, lazily.

    >>> from followup_lint.scale import lint_frame
    >>> linted = lint_frame(frame, text_column="body", id_column="draft_id")  # doctest: +SKIP
    >>> findings, drafts = dask.compute(linted.findings, linted.drafts)      # doctest: +SKIP

Both results are Dask DataFrames built from the same per-partition task, so computing
them together lints each partition once. Their columns are those of
``FINDINGS_SCHEMA`` and ``DRAFTS_SCHEMA`` (pandas Arrow-backed dtypes, nullable).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_lint.config import Config
from followup_lint.scale.job import LintJob
from followup_lint.scale.tables import DRAFTS_SCHEMA, FINDINGS_SCHEMA, Columns, lint_rows

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd
    import pyarrow as pa

#: Rows per partition when a pandas DataFrame is given.
PANDAS_PARTITION_ROWS = 1000


@dataclass(frozen=True)
class LintedFrames:
    """The lazy results: one row per finding, and one row per draft."""

    findings: dd.DataFrame
    drafts: dd.DataFrame


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    import pandas as pd

    return table.to_pandas(types_mapper=pd.ArrowDtype)


def _lint_partition(part: pd.DataFrame, columns: Columns, job: LintJob
                    ) -> tuple[pd.DataFrame, pd.DataFrame]:
    values = {c: part[c].tolist() for c in columns.needed}
    findings, drafts = lint_rows(values, columns, job)
    return _to_pandas(findings), _to_pandas(drafts)


def lint_frame(
    frame: dd.DataFrame | pd.DataFrame,
    *,
    text_column: str = "text",
    id_column: str = "id",
    context_columns: Mapping[str, str] | None = None,
    auto_context: bool = True,
    config: Config | None = None,
    rule_dirs: Iterable[str | Path] = (),
    batch_size: int = 32,
    cache_dir: str | Path | None = None,
) -> LintedFrames:
    """Lint every row of ``frame``; returns lazy findings and drafts DataFrames.

    ``context_columns`` maps Context fields to columns (``{"company": "employer"}``);
    with ``auto_context`` a column named like a Context field (``company``, ``role``,
    ``interviewers``, ``topics``, ``interview_at``, ``sent_at``, ``kind`` ...) is used
    too. ``config`` and ``rule_dirs`` (extra rule pack folders) are validated here and
    shipped with the tasks. ``cache_dir`` turns the result cache on for the workers.
    """
    import dask.dataframe as dd
    import pandas as pd
    from dask import delayed

    if not isinstance(frame, (pd.DataFrame, dd.DataFrame)):
        raise TypeError(f"expected a Dask or pandas DataFrame, got {type(frame).__name__}")
    columns = Columns.resolve(list(frame.columns), text=text_column, id=id_column,
                              context=context_columns, auto_context=auto_context)
    job = LintJob.create(config, rule_dirs=[Path(d) for d in rule_dirs],
                         batch_size=batch_size, cache_dir=cache_dir)
    if isinstance(frame, pd.DataFrame):
        # Sliced here rather than by dd.from_pandas, which would turn object columns into
        # strings and fail on the very rows (bytes, surrogates) that should be error rows.
        frame = frame[columns.needed]
        step = PANDAS_PARTITION_ROWS
        parts = [delayed(frame.iloc[i:i + step]) for i in range(0, max(len(frame), 1), step)]
    else:
        parts = frame[columns.needed].to_delayed()
    lint = delayed(_lint_partition, pure=True)
    linted = [lint(part, columns, job) for part in parts]
    pick = delayed(operator.getitem, pure=True)

    def collect(index: int, schema: pa.Schema) -> Any:
        return dd.from_delayed([pick(result, index) for result in linted],
                               meta=_to_pandas(schema.empty_table()))

    return LintedFrames(findings=collect(0, FINDINGS_SCHEMA), drafts=collect(1, DRAFTS_SCHEMA))

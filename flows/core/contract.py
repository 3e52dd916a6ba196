"""Frame schemas and the contract's column list, derived from the Pydantic records in
schemas/, and BatchResult: one batch's frames on their way from the workers to the load.

Nothing else in the code spells the cohort columns: extraction builds its frames with
COHORT_SCHEMA, the load stages with the record schemas, the CLI selects CONTRACT_COLUMNS.
The SQL DDL spells them too; tests/warehouse/test_contract.py checks that they agree.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import polars as pl
from pydantic import BaseModel

from schemas import (
    ArticleRecord,
    BridgeRecord,
    CohortRecord,
    ContractCohort,
    FactRecord,
    FileRecord,
    KeyedCohortRecord,
    QuarantineRecord,
    RejectRecord,
)
from schemas.cohort import Int32

_DTYPES = {str: pl.String, int: pl.Int64, float: pl.Float64, bool: pl.Boolean}


def _dtype(annotation, metadata) -> pl.DataType:
    if any(m is Int32 for m in metadata):
        return pl.Int32
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _dtype(inner, metadata)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        return _dtype(inner, [*metadata, *extra])
    if origin is Literal:
        return pl.String
    return _DTYPES[annotation]


def frame_schema(model: type[BaseModel]) -> dict[str, pl.DataType]:
    """{column: Polars dtype} in the record's field order."""
    return {name: _dtype(field.annotation, field.metadata) for name, field in model.model_fields.items()}


CONTRACT_COLUMNS: list[str] = list(ContractCohort.model_fields)
COHORT_SCHEMA = frame_schema(CohortRecord)
KEYED_COHORT_SCHEMA = frame_schema(KeyedCohortRecord)
FILE_SCHEMA = frame_schema(FileRecord)
ARTICLE_SCHEMA = frame_schema(ArticleRecord)
QUARANTINE_SCHEMA = frame_schema(QuarantineRecord)
REJECT_SCHEMA = frame_schema(RejectRecord)
FACT_SCHEMA = frame_schema(FactRecord)
BRIDGE_SCHEMA = frame_schema(BridgeRecord)


@dataclass
class BatchResult:
    files: pl.DataFrame  # every file of the batch with its status
    articles: pl.DataFrame  # articles to (re)load
    cohorts: pl.DataFrame  # valid cohorts, keyed
    quarantine: pl.DataFrame
    rejects: pl.DataFrame
    seconds: dict[str, float] = field(default_factory=dict)  # read / extract / validate
    # articles and cohorts written out while the batch ran (a big JSONL feed), in order: each
    # part is a pair of parquet files, PART.articles.parquet and PART.cohorts.parquet
    parts: list[Path] = field(default_factory=list)


def files_only(files: pl.DataFrame) -> BatchResult:
    """A result that only accounts for files (those skipped unread as unchanged)."""
    return BatchResult(
        files=files,
        articles=pl.DataFrame(schema=ARTICLE_SCHEMA),
        cohorts=pl.DataFrame(schema=KEYED_COHORT_SCHEMA),
        quarantine=pl.DataFrame(schema=QUARANTINE_SCHEMA),
        rejects=pl.DataFrame(schema=REJECT_SCHEMA),
    )

"""Pydantic record contracts: what a row must be before it reaches the warehouse."""

from schemas.cohort import SECTOR_CODES, STAGES, CohortRecord, ContractCohort, validate_rows
from schemas.records import (
    ArticleRecord,
    BridgeRecord,
    FactRecord,
    FileRecord,
    KeyedCohortRecord,
    QuarantineRecord,
    RejectRecord,
)

__all__ = [
    "SECTOR_CODES",
    "STAGES",
    "ArticleRecord",
    "BridgeRecord",
    "CohortRecord",
    "ContractCohort",
    "FactRecord",
    "FileRecord",
    "KeyedCohortRecord",
    "QuarantineRecord",
    "RejectRecord",
    "validate_rows",
]

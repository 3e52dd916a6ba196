"""Pydantic record contracts: what a row must be before it reaches the warehouse."""
from schemas.cohort import SECTOR_CODES, STAGES, CohortRecord, validate_rows

__all__ = ["SECTOR_CODES", "STAGES", "CohortRecord", "validate_rows"]

"""The record contract for one extracted cohort (a row of `fct_cohort_mention` / the `cohorts` view).

Closed sets are `Literal`s, amounts and counts have bounds, and a cohort must carry a count
or an amount. `validate_rows` checks a whole batch and returns every failure (not just the
first) so the loader can store them in the `rejects` table and load the rest.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

Lang = Literal["en", "zh"]
Stage = Literal["signed", "started", "completed", "negotiating", "promoted"]
SectorCode = Literal[
    "emerging_industries",
    "manufacturing",
    "new_generation_it",
    "semiconductors",
    "artificial_intelligence",
    "high_end_equipment",
    "new_materials",
    "biomedicine",
    "new_energy_vehicles",
    "automotive",
    "new_energy",
    "energy_saving_environmental",
    "digital_creative",
    "home_appliances",
    "food_agriculture",
    "chemicals",
    "modern_services",
    "culture_tourism",
    "infrastructure",
    "livelihood",
]
STAGES: tuple[str, ...] = Stage.__args__
SECTOR_CODES: tuple[str, ...] = SectorCode.__args__


class Int32:
    """Field metadata: stored as a 32-bit integer (indexes, offsets, years)."""


I32 = Annotated[int, Int32]

MAX_AMOUNT = 1e14  # 100 trillion in any currency: beyond any single report's total
MAX_COUNT = 1_000_000


class ContractCohort(BaseModel):
    """The contract's columns, in the contract's order (../shared/CONTRACT.md, `cohorts`)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    source_file: str = Field(min_length=1)
    lang: Lang
    event_name: str | None = None
    event_year: I32 | None = Field(default=None, ge=1980, le=2100)
    city: str | None = None
    province: str | None = None
    project_count: int | None = Field(default=None, ge=1, le=MAX_COUNT)
    amount: float | None = Field(default=None, gt=0, le=MAX_AMOUNT)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    amount_cny: float | None = Field(default=None, gt=0)
    stage: Stage | None = None
    sector_code: SectorCode | None = None
    size_min: float | None = Field(default=None, ge=0, le=MAX_AMOUNT)
    size_max: float | None = Field(default=None, gt=0, le=MAX_AMOUNT)
    region: str | None = None
    project_name: str | None = None
    evidence: str = Field(min_length=1)


class CohortRecord(ContractCohort):
    """One extracted cohort: the contract's columns and what the warehouse keeps beside them."""

    approximate: bool = False  # more than, nearly, 超, 近 ...
    cohort_index: I32 = Field(ge=0)  # order within the article
    parent_index: I32 | None = Field(default=None, ge=0)  # "among them": the parent cohort
    sentence_index: I32 = Field(default=0, ge=0)
    alt_amount: float | None = Field(default=None, gt=0)  # parenthetical conversion
    alt_currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    canonical_event_id: str | None = None  # events.csv id of a known event
    event_year_source: str | None = None  # text | edition | published_at | dateline | text_frequent
    char_start: I32 | None = None  # the evidence sentence's offsets in the article
    char_end: I32 | None = None

    @model_validator(mode="after")
    def _consistent(self) -> CohortRecord:
        if self.project_count is None and self.amount is None:
            raise ValueError("a cohort needs a project count or an amount")
        if self.amount is not None and self.currency is None:
            raise ValueError("an amount needs a currency")
        if self.size_min is not None and self.size_max is not None and self.size_min >= self.size_max:
            raise ValueError("size_min must be below size_max")
        if self.project_name is not None and self.project_count not in (None, 1):
            raise ValueError("a named project is a cohort of one")
        return self


_MANY = TypeAdapter(list[CohortRecord])


def validate_rows(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """-> (valid rows unchanged, rejects [{source_file, cohort_index, errors, evidence}]).

    One validation call for the whole batch (fast); every failing row is reported with all
    its errors, not just the first."""
    try:
        _MANY.validate_python(rows)
        return rows, []
    except ValidationError as exc:
        by_row: dict[int, list[str]] = {}
        for err in exc.errors():
            index, *field = err["loc"]
            by_row.setdefault(index, []).append(f"{'.'.join(map(str, field)) or 'row'}: {err['msg']}")
    good = [row for i, row in enumerate(rows) if i not in by_row]
    bad = [
        {
            "source_file": rows[i].get("source_file"),
            "cohort_index": rows[i].get("cohort_index"),
            "errors": "; ".join(msgs),
            "evidence": rows[i].get("evidence"),
        }
        for i, msgs in sorted(by_row.items())
    ]
    return good, bad

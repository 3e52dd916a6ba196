"""Typed settings: command-line flags, then NEWSETL_<NAME> environment variables, then defaults.

Built once by the CLI (never at import time) and passed down. Unknown NEWSETL_ variables or
bad values fail loudly instead of being ignored.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSETL_", extra="forbid", frozen=True)

    raw_dir: Path = Path("raw")
    warehouse: Path = Path("warehouse/news.duckdb")
    export_dir: Path = Path("warehouse/export")
    batch_size: int = Field(default=2000, ge=1, le=100_000)   # files per extraction task
    memory_limit: str = Field(default="1GB", pattern=r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$")
    schedule_cron: str = "0 * * * *"
    schedule_interval: float | None = Field(default=None, gt=0)   # seconds; overrides the cron
    task_runner: Literal["auto", "thread", "process", "dask"] = "auto"
    workers: int = Field(default=2, ge=1, le=256)                  # parallel extraction batches
    dask_address: str | None = None     # an existing Dask scheduler; else a local cluster

    @field_validator("schedule_cron")
    @classmethod
    def _five_fields(cls, value: str) -> str:
        if len(value.split()) != 5:
            raise ValueError("schedule_cron needs five cron fields, e.g. '0 * * * *'")
        return value


def build_settings(**flags) -> Settings:
    """Flags that were given (not None) override the environment and the defaults."""
    return Settings(**{k: v for k, v in flags.items() if v is not None})

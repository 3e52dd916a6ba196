"""Typed settings: command-line flags, then NEWSETL_<NAME> environment variables, then defaults.

Built once by the CLI (never at import time) and passed down. Unknown NEWSETL_ variables or
bad values fail loudly instead of being ignored, with one line naming the setting
(`SettingsError`), never pydantic's multi-line message.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "NEWSETL_"
MAX_BATCH_SIZE = 2000
# NEWSETL_ variables read by something other than these settings: prefect.yaml's working dir,
# the browser and dev-set switches of the tests
OTHER_VARIABLES = frozenset({"NEWSETL_HOME", "NEWSETL_BROWSER_TESTS", "NEWSETL_DEVSET"})
FLAGS = {
    "raw_dir": "--raw",
    "export_dir": "--export/--out",
    "schedule_cron": "--cron",
    "schedule_interval": "--interval",
}


class SettingsError(ValueError):
    """A bad flag or NEWSETL_ variable; the message is one line."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", frozen=True)

    raw_dir: Path = Path("raw")
    warehouse: Path = Path("warehouse/news.duckdb")
    export_dir: Path = Path("warehouse/export")
    batch_size: int = Field(default=MAX_BATCH_SIZE, ge=1, le=MAX_BATCH_SIZE)  # files per extraction task
    memory_limit: str = Field(default="1GB", pattern=r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$")
    schedule_cron: str = "0 * * * *"
    schedule_interval: float | None = Field(default=None, gt=0)  # seconds; overrides the cron
    task_runner: Literal["auto", "thread", "process", "dask"] = "auto"
    workers: int = Field(default=2, ge=1, le=256)  # parallel extraction batches
    dask_address: str | None = None  # an existing Dask scheduler; else a local cluster

    @field_validator("schedule_cron")
    @classmethod
    def _five_fields(cls, value: str) -> str:
        if len(value.split()) != 5:
            raise ValueError("schedule_cron needs five cron fields, e.g. '0 * * * *'")
        return value


def known_variables() -> list[str]:
    return sorted(ENV_PREFIX + name.upper() for name in Settings.model_fields)


def unknown_variables(environ=None) -> list[str]:
    """NEWSETL_ variables in the environment that no setting reads (a typo, an old name)."""
    environ = os.environ if environ is None else environ
    known = set(known_variables()) | OTHER_VARIABLES
    return sorted(k for k in environ if k.upper().startswith(ENV_PREFIX) and k.upper() not in known)


def build_settings(**flags) -> Settings:
    """Flags that were given (not None) override the environment and the defaults.

    Raises SettingsError (one line) for an unknown NEWSETL_ variable or a bad value."""
    unknown = unknown_variables()
    if unknown:
        raise SettingsError(
            f"unknown environment variable {', '.join(unknown)} (known: {', '.join(known_variables())})"
        )
    given = {k: v for k, v in flags.items() if v is not None}
    try:
        return Settings(**given)
    except ValidationError as exc:
        raise SettingsError("; ".join(_one_line(err, given) for err in exc.errors())) from None


def _one_line(err: dict, given: dict) -> str:
    name = str(err["loc"][0]) if err.get("loc") else "settings"
    flag = FLAGS.get(name, "--" + name.replace("_", "-"))
    source = flag if name in given else f"{ENV_PREFIX}{name.upper()}"
    message = err.get("msg", "invalid").splitlines()[0]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return f"{source}={err.get('input')!r}: {message}"

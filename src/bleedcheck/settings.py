"""Service settings: one typed, frozen object, read from `BLEEDCHECK_*` environment variables.

=============================  =========================================================
``BLEEDCHECK_DATABASE_URL``    SQLAlchemy URL; default: a SQLite file in the user's data
                               directory (``$XDG_DATA_HOME/bleedcheck/bleedcheck.db``)
``BLEEDCHECK_MAX_BODY_BYTES``  largest request body accepted (default 64 KiB)
``BLEEDCHECK_DEFAULT_REGION``  region whose emergency number is shown when none is given
``BLEEDCHECK_DEFAULT_LANG``    ``en`` or ``ru``, when neither the request nor
                               ``Accept-Language`` chooses one
=============================  =========================================================
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bleedcheck.errors import BleedcheckError
from bleedcheck.vocab import Lang

ENV_PREFIX = "BLEEDCHECK_"
DEFAULT_MAX_BODY_BYTES = 64 * 1024


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The user's data directory for bleedcheck (XDG base directory specification)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME") or Path.home()) / ".local/share")
    return Path(base) / "bleedcheck"


def default_database_url(environ: Mapping[str, str] | None = None) -> str:
    return f"sqlite:///{data_dir(environ) / 'bleedcheck.db'}"


class Settings(BaseModel):
    """Everything a service process needs to know; build it with `Settings.from_env()`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    database_url: str = Field(default_factory=default_database_url, min_length=1)
    max_body_bytes: int = Field(default=DEFAULT_MAX_BODY_BYTES, ge=1024, le=16 * 1024 * 1024)
    default_region: str = Field(default="DEFAULT", pattern=r"^[A-Za-z_]{1,16}$")
    default_lang: Lang = "en"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from `BLEEDCHECK_*` variables; keyword overrides win over the environment.

        A bad value raises `BleedcheckError` naming the variable and what is allowed.
        """
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for name in cls.model_fields:
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is not None and raw.strip():
                values[name] = raw.strip()
        if "database_url" not in values:
            values["database_url"] = default_database_url(env)
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = str(first["loc"][0]) if first["loc"] else "settings"
            source = ENV_PREFIX + field.upper() if field not in overrides else field
            raise BleedcheckError(
                f"{source}: {first['msg']} (got {first.get('input')!r})"
            ) from None

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def is_postgresql(self) -> bool:
        return self.database_url.startswith("postgresql")


def software_version() -> str:
    """The installed package's version ("0" when running from a never-installed source tree)."""
    try:
        return version("bleedcheck")
    except PackageNotFoundError:
        return "0"

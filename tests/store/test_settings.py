"""Settings from the environment."""

from __future__ import annotations

import pytest

from bleedcheck.errors import BleedcheckError
from bleedcheck.settings import DEFAULT_MAX_BODY_BYTES, Settings, data_dir


def test_defaults_use_the_user_data_directory() -> None:
    settings = Settings.from_env({"HOME": "/home/ann"})
    assert settings.database_url == "sqlite:////home/ann/.local/share/bleedcheck/bleedcheck.db"
    assert settings.max_body_bytes == DEFAULT_MAX_BODY_BYTES
    assert settings.default_region == "DEFAULT" and settings.default_lang == "en"


def test_xdg_data_home_wins() -> None:
    assert str(data_dir({"XDG_DATA_HOME": "/data", "HOME": "/home/ann"})) == "/data/bleedcheck"


def test_environment_variables() -> None:
    settings = Settings.from_env(
        {
            "BLEEDCHECK_DATABASE_URL": "postgresql+psycopg://u:p@db/bc",
            "BLEEDCHECK_MAX_BODY_BYTES": "2048",
            "BLEEDCHECK_DEFAULT_REGION": "GB",
            "BLEEDCHECK_DEFAULT_LANG": "ru",
        }
    )
    assert settings.database_url == "postgresql+psycopg://u:p@db/bc"
    assert (settings.max_body_bytes, settings.default_region, settings.default_lang) == (
        2048,
        "GB",
        "ru",
    )
    assert settings.is_postgresql and not settings.is_sqlite


def test_overrides_win_and_none_means_unset() -> None:
    env = {"BLEEDCHECK_DATABASE_URL": "sqlite:///a.db"}
    assert Settings.from_env(env, database_url="sqlite:///b.db").database_url == "sqlite:///b.db"
    assert Settings.from_env(env, database_url=None).database_url == "sqlite:///a.db"


@pytest.mark.parametrize(
    ("name", "value"),
    [("MAX_BODY_BYTES", "lots"), ("MAX_BODY_BYTES", "10"), ("DEFAULT_LANG", "de")],
)
def test_bad_values_name_the_variable(name: str, value: str) -> None:
    with pytest.raises(BleedcheckError, match=f"BLEEDCHECK_{name}"):
        Settings.from_env({f"BLEEDCHECK_{name}": value})


def test_settings_are_frozen() -> None:
    settings = Settings()
    with pytest.raises(ValueError):
        settings.max_body_bytes = 1  # type: ignore[misc]

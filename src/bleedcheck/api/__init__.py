"""The REST API: `create_app(settings)` builds a FastAPI application; `serve` runs it."""

from bleedcheck.api.app import create_app

__all__ = ["create_app"]

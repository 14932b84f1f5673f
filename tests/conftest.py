from __future__ import annotations

import os
from pathlib import Path

import pytest

from bleedcheck.knowledge.compile import CompiledKB, compiled
from bleedcheck.knowledge.inventory import SharedDocs, find_shared_dir, read_shared

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def ckb() -> CompiledKB:
    return compiled()


@pytest.fixture(scope="session")
def shared() -> SharedDocs:
    found = find_shared_dir()
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("../shared (seed inventory, clinical reference) must be present in CI")
        pytest.skip("../shared not found beside the checkout; set BLEEDCHECK_SHARED")
    return read_shared(found)

"""Small helpers for the parser tests: the state of one finding, its parsed record, and the
development corpora with a check that they name only known findings."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from bleedcheck.knowledge.compile import CompiledKB, compiled
from bleedcheck.language.parse import ParsedFinding, ParseResult, parse
from bleedcheck.vocab import Lang, Presence


def finding(result: ParseResult, fid: str) -> ParsedFinding | None:
    return next((f for f in result.findings if f.id == fid), None)


def state(text: str, lang: Lang, fid: str, ckb: CompiledKB | None = None) -> Presence | None:
    """The state parsed for one finding, or None when the text says nothing of it."""
    found = finding(parse(text, lang, ckb), fid)
    return None if found is None else found.state


STATES = {"present", "absent", "unknown"}


def load_corpus(name: str) -> list[dict[str, Any]]:
    """A development corpus shipped in bleedcheck/evaluation/corpora, by file stem."""
    path = resources.files("bleedcheck") / "evaluation" / "corpora" / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def check_corpus(items: list[dict[str, Any]]) -> None:
    """Unique ids, a text, an optional integer age, and at least one finding per item, every
    finding id known to the knowledge base and every state one of the three."""
    known = set(compiled().kb.findings)
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    for item in items:
        assert isinstance(item["text"], str) and item["text"].strip()
        assert item["age"] is None or isinstance(item["age"], int)
        findings = item["findings"]
        assert findings, item["id"]
        unknown_ids = set(findings) - known
        assert not unknown_ids, f"{item['id']}: {sorted(unknown_ids)}"
        assert set(findings.values()) <= STATES, item["id"]

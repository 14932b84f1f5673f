"""Small helpers for the parser tests: the state of one finding, and its parsed record."""

from __future__ import annotations

from bleedcheck.knowledge.compile import CompiledKB
from bleedcheck.language.parse import ParsedFinding, ParseResult, parse
from bleedcheck.vocab import Lang, Presence


def finding(result: ParseResult, fid: str) -> ParsedFinding | None:
    return next((f for f in result.findings if f.id == fid), None)


def state(text: str, lang: Lang, fid: str, ckb: CompiledKB | None = None) -> Presence | None:
    """The state parsed for one finding, or None when the text says nothing of it."""
    found = finding(parse(text, lang, ckb), fid)
    return None if found is None else found.state

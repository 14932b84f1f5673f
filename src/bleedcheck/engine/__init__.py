"""The engine: pure functions over a compiled knowledge base and evidence. No I/O."""

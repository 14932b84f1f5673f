"""HTTP routes, one module per concern; each handler parses, calls the engine, renders."""

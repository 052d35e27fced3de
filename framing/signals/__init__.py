"""Framing signals, one module per concern: attribution, loaded terms, source reliance."""

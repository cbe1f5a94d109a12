"""Putting results out: streams, formats by name, text and HTML rendering, rows, summaries, reports."""

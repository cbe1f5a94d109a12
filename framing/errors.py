"""Errors the library raises on purpose, and the exit codes the CLI maps them to."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    THRESHOLD = 1  # a requested failure threshold was exceeded
    INPUT = 2  # usage error, or some inputs could not be read
    INTERRUPTED = 130  # stopped by Ctrl-C; completed results were kept


class FramingError(Exception):
    """An error with a message fit to show a user on one line."""


class InputError(FramingError):
    """One input (a file, a record, stdin) could not be read; the batch goes on without it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # pickled whole, so that it can travel between processes (Dask workers)
        return type(self), (self.source, self.reason)


def run_main(main) -> None:
    """Run a `python -m framing.<tool>` entry point: a FramingError ends it with its message."""
    try:
        main()
    except FramingError as exc:
        raise SystemExit(f"framing: error: {exc}") from None


class ModelError(FramingError):
    """A model file is missing, damaged or of an unknown format."""

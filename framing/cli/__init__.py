"""The `framing` command: thin Click commands over the library, one module per theme.

Commands parse options, call the library, and turn `FramingError`s into one-line messages
on stderr. A batch reports each bad input as it meets it, goes on, and exits with
`ExitCode.INPUT` at the end if any input failed.
"""
from __future__ import annotations

import click

from .. import __version__
from .check import check
from .models import evaluate, models, train
from .results import cache, report
from .score import score


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main() -> None:
    """Find loaded language, opinion and speculation in news text, sentence by sentence."""


for command in (score, report, cache, train, evaluate, models, check):
    main.add_command(command)

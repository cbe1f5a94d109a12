"""`framing check`: drafts checked like a linter, one finding per line with a rule id."""
from __future__ import annotations

import sys

import click

from .. import dimensions
from ..check.formats import FORMATS
from ..errors import ExitCode
from ..output.streams import output_stream
from .common import fail, library_errors, output_path, threshold_value


def _check_thresholds(ctx, param, values: tuple[str, ...]):
    """`--threshold 0.7` (every dimension) or `--threshold loaded=0.7`, as a configuration value."""
    chosen: dict[str, float] = {}
    for value in values:
        name, probability = threshold_value(value)
        if (name and name not in dimensions.names()) or probability is None:
            raise click.BadParameter(f"{value!r}: give P or DIMENSION=P with P between 0 and 1 "
                                     f"and DIMENSION one of {', '.join(dimensions.names())}")
        chosen.update({name: probability} if name else dict.fromkeys(dimensions.names(), probability))
    return chosen


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--select", multiple=True, metavar="RULE", help="Only these rule ids or prefixes (repeatable).")
@click.option("--ignore", multiple=True, metavar="RULE", help="Not these rule ids or prefixes (repeatable).")
@click.option("--threshold", "thresholds", multiple=True, callback=_check_thresholds, metavar="[DIMENSION=]P",
              help="Probability from which a sentence becomes a finding (default: each model's own).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Exit 1 when a finding is this severe or more (default: warning).")
@click.option("--include-quoted", is_flag=True, default=None, help="Also check material inside quotation marks.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), callback=output_path,
              help="Write to this file instead of stdout (atomically).")
@click.option("--models", "models_dir", type=click.Path(exists=True, file_okay=False))
@library_errors
def check(files, select, ignore, thresholds, fail_on, include_quoted, fmt, output, models_dir):
    """Check drafts like a linter: one finding per line, with a rule id (see README, Check mode)."""
    from ..check import run_check

    overrides = {key: value for key, value in (
        ("select", list(select)), ("ignore", list(ignore)), ("threshold", thresholds),
        ("fail-on", fail_on), ("include-quoted", include_quoted)) if value not in (None, [], {})}
    result = run_check(files, overrides, models_dir)
    for error in result.errors:
        fail(str(error))
    with output_stream(output) as stream:
        stream.write(FORMATS[fmt](result.files))
    if result.errors:
        sys.exit(ExitCode.INPUT)
    if result.failed:
        sys.exit(ExitCode.THRESHOLD)

"""What every command shares: messages, output options, dimension names, library errors."""
from __future__ import annotations

import functools
import sys

import click

from .. import dimensions
from ..errors import ExitCode, FramingError
from ..output.streams import check_output_path


def fail(message: str) -> None:
    click.echo(f"framing: error: {message}", err=True)


def warn(message: str) -> None:
    click.echo(f"framing: warning: {message}", err=True)


def library_errors(command):
    """Map library errors to a one-line message and exit code 2, never a traceback."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FramingError as exc:
            fail(str(exc))
            sys.exit(ExitCode.INPUT)
    return wrapper


def output_path(ctx, param, path: str | None) -> str | None:
    """An output file that can be written, checked before any work is done."""
    try:
        check_output_path(path)
    except FramingError as exc:
        fail(str(exc))
        ctx.exit(ExitCode.INPUT)
    return path


def output_options(formats, folders: bool = False):
    """--format and -o/--output, shared by every command that prints results; `formats` is
    the names offered, the first the default; `folders`: -o may name a folder, for
    partitioned output (framing.batch.partitions)."""
    formats = list(formats)

    def decorate(command):
        command = click.option("-o", "--output", type=click.Path(dir_okay=folders, writable=True),
                               callback=output_path,
                               help="Write to this file instead of stdout (atomically)"
                                    + ("; or to a folder (one that exists, or a path ending in /) as numbered "
                                       "jsonl or parquet parts, skipping articles it holds already." if folders
                                       else "."))(command)
        return click.option("--format", "fmt", type=click.Choice(formats), default=formats[0],
                            show_default=True, help="Output format.")(command)
    return decorate


class DimensionName(click.ParamType):
    """A registered dimension's name (or one of `extra`), checked when the command runs, so
    that a dimension registered after import is offered too."""

    name = "dimension"

    def __init__(self, extra: tuple[str, ...] = ()) -> None:
        self.extra = extra

    def choices(self) -> tuple[str, ...]:
        return dimensions.names() + self.extra

    def get_metavar(self, *args, **kwargs) -> str:
        return "[" + "|".join(self.choices()) + "]"

    def convert(self, value, param, ctx):
        if value in self.choices():
            return value
        self.fail(f"{value!r} is not one of {', '.join(self.choices())}", param, ctx)


def threshold_value(value: str) -> tuple[str, float | None]:
    """"DIMENSION=P" or "P" as (dimension or "", P), P None unless strictly between 0 and 1."""
    name, _, number = value.rpartition("=")
    try:
        probability = float(number)
    except ValueError:
        return name, None
    return name, probability if 0.0 < probability < 1.0 else None


def parse_thresholds(ctx, param, values: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """`--threshold loaded=0.7` options as ((dimension, probability), ...), checked."""
    chosen = {}
    for value in values:
        name, probability = threshold_value(value)
        if name not in dimensions.names() or probability is None:
            raise click.BadParameter(f"{value!r}: give DIMENSION=P with DIMENSION one of "
                                     f"{', '.join(dimensions.names())} and P between 0 and 1")
        chosen[name] = probability
    return tuple(sorted(chosen.items()))

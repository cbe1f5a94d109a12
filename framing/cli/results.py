"""`framing report` (groups of scored articles compared) and `framing cache`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import ExitCode, FramingError, InputError
from ..output.formatters import REPORT_FORMATS, Report
from ..output.streams import output_stream
from .common import DimensionName, fail, library_errors, output_options, output_path


@click.command()
@click.argument("results", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--by", default="folder", show_default=True,
              help="Group by this metadata field (outlet, date, ...) or by folder.")
@output_options(REPORT_FORMATS)
@click.option("--html", "html_path", type=click.Path(dir_okay=False, writable=True), callback=output_path,
              help="Also write a self-contained HTML report here.")
@click.option("--max-articles", type=click.IntRange(min=0), default=1000, show_default=True,
              help="Articles shown in full in the HTML report.")
@click.option("--top", type=click.IntRange(min=1), help="Also rank the N articles with the highest share.")
@click.option("--rank-by", type=DimensionName(), default="loaded", show_default=True,
              help="The dimension whose share --top ranks by.")
@library_errors
def report(results, by, fmt, output, html_path, max_articles, top, rank_by):
    """Compare groups of scored articles (from `framing score --format jsonl`)."""
    from ..output.report import format_table, format_top, group_results, read_results, summary, top_articles

    good, failures = [], 0
    for item in read_results(results):
        if isinstance(item, InputError):
            failures += 1
            fail(str(item))
        else:
            good.append(item)
    if not good:
        raise FramingError(f"{', '.join(results)}: no scored articles to report on")
    groups = group_results(good, by)
    ranked = top_articles(good, top, rank_by) if top else None
    written = Report({**summary(groups, by), **({"top": ranked} if top else {})},
                     format_table(groups, by) + (format_top(ranked, rank_by) if top else ""))
    with output_stream(output) as stream:
        stream.write(REPORT_FORMATS[fmt](written))
    if html_path:
        from ..output.html_report import render_html

        with output_stream(html_path) as stream:
            stream.write(render_html(groups, by, max_articles))
    if failures:
        sys.exit(ExitCode.INPUT)


@click.group()
def cache():
    """Look at or clear the cache of scored articles."""


cache_dir_option = click.option("--cache-dir", type=click.Path(file_okay=False),
                                help="The cache (default: $FRAMING_CACHE or ~/.cache/framing).")


@cache.command("info")
@cache_dir_option
@library_errors
def cache_info_command(cache_dir):
    """Where the cache is, its size, its entries and the models that scored them."""
    from ..batch.cache import cache_info, default_cache_dir, format_info

    click.echo(format_info(cache_info(Path(cache_dir) if cache_dir else default_cache_dir())), nl=False)


@cache.command("clear")
@cache_dir_option
@library_errors
def cache_clear_command(cache_dir):
    """Remove every cached result."""
    from ..batch.cache import clear_cache, default_cache_dir

    directory = Path(cache_dir) if cache_dir else default_cache_dir()
    click.echo(f"removed {directory}: {clear_cache(directory) / 1e6:.2f} MB")

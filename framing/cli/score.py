"""`framing score`: read articles (or sentence records), score them here or on a cluster, and
write them in the format chosen, one result at a time."""
from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from ..batch.partitions import PART_SIZE, PartitionedOutput, is_folder
from ..errors import ExitCode, InputError
from ..output.formatters import FORMATTERS, FormatOptions, open_formatter
from ..output.highlight import MIN_WEIGHT
from ..output.streams import COLOUR_MODES, output_stream, use_colour
from ..reading.files import DEFAULT_MAX_BYTES
from .common import DimensionName, fail, library_errors, output_options, parse_thresholds, warn


def result_warnings(result: dict) -> list[str]:
    """What to tell the user about one scored article besides its scores."""
    notes = [f"{result['source']}: {w}" for w in result.get("warnings") or []]
    language = result.get("language") or {}
    if language and not language.get("english", True):
        notes.append(f"{result['source']}: does not look like English (function words "
                     f"{language['function_word_share']:.0%}, Latin letters {language['latin_share']:.0%}); "
                     "its scores are unreliable")
    return notes


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@output_options(FORMATTERS, folders=True)
@click.option("--part-size", type=click.IntRange(min=1), default=PART_SIZE, show_default=True,
              help="With -o DIR/: articles per part.")
@click.option("--models", "models_dir", type=click.Path(exists=True, file_okay=False),
              help="Folder of retrained models; shipped models fill in the rest.")
@click.option("--unit", type=click.Choice(["article", "sentence"]), default="article", show_default=True,
              help="sentence: each record (JSONL, CSV, JSON) or line (text files) is one sentence, "
                   "scored as it is; written as its sentence object.")
@click.option("--include", multiple=True, metavar="GLOB", help="Under folders, read only files matching this.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Under folders, skip files matching this.")
@click.option("--text-field", default="text", show_default=True, help="JSON/JSONL/CSV field with the article text.")
@click.option("--id-field", default="id", show_default=True, help="JSON/JSONL/CSV field with the article id.")
@click.option("--title-field", default="title", show_default=True, help="JSON/JSONL/CSV field with the title.")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Worker processes (default: all cores); with --engine dask alone, the local cluster's workers.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Score here, or on a Dask cluster (pip install 'framing[dask]').")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="The Dask scheduler to use (implies --engine dask); without it, --engine dask starts a local cluster.")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Reuse results for unchanged articles scored by the same models.")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="Where the cache lives (default: $FRAMING_CACHE or ~/.cache/framing).")
@click.option("--cache-max-mb", type=click.FloatRange(min=0), envvar="FRAMING_CACHE_MAX_MB",
              help="Keep the cache under this size, evicting the oldest entries (also $FRAMING_CACHE_MAX_MB).")
@click.option("--max-bytes", type=click.IntRange(min=0), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse an article (file or record) larger than this; 0 for no limit.")
@click.option("--threshold", "thresholds", multiple=True, callback=parse_thresholds, metavar="DIMENSION=P",
              help="Flag DIMENSION from probability P instead of its model's threshold (repeatable), "
                   "e.g. --threshold loaded=0.7.")
@click.option("--color", type=click.Choice(COLOUR_MODES), is_flag=False, flag_value="always",
              help="Colour trigger words: always (the same as a bare --color), never, or auto, the default: "
                   "on a terminal unless NO_COLOR is set.")
@click.option("--no-color", is_flag=True, help="The same as --color never.")
@click.option("--summary", "summary_only", is_flag=True,
              help="Text: print the summaries only (each article's and the corpus's), no findings.")
@click.option("--dimension", "dimensions", multiple=True, type=DimensionName(),
              help="Text: print findings of this dimension only (repeatable).")
@click.option("--min-probability", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Text: print findings from this probability up.")
@click.option("--min-weight", type=click.FloatRange(0), default=MIN_WEIGHT, show_default=True,
              help="Text: mark and list trigger words from this weight up.")
@click.option("--fields", "chosen_fields", metavar="FIELD,...",
              help="JSON, JSONL, Parquet: write (and compute) only these of scores, sentences, triggers, readability, "
                   "text (default: all; see README, Choosing fields).")
@click.option("--no-triggers", is_flag=True, help="JSON, JSONL, Parquet: leave out trigger words and kinds (faster).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary of failed inputs.")
@library_errors
def score(paths, fmt, output, part_size, models_dir, unit, include, exclude, text_field, id_field, title_field,
          jobs, engine, scheduler, cache, cache_dir, cache_max_mb, max_bytes, thresholds, color, no_color, summary_only,
          dimensions, min_probability, min_weight, chosen_fields, no_triggers, quiet):
    """Score articles: files, folders (recursively), JSONL/CSV collections, or - for stdin."""
    from ..classifiers.models_dir import model_versions

    # Scoring makes many short-lived containers, hardly any in cycles: at the default threshold
    # (700) the cyclic collector runs hundreds of times over a corpus, and its full passes walk
    # the loaded models too, about 3% of a run. The command's process (and the workers it forks)
    # is ours to tune; memory stays bounded, collections just come less often.
    gc.set_threshold(10_000)
    from ..output.formatters import fields_to_compute
    from ..output.render import TextOptions
    from ..pipeline.fields import parse_fields
    from ..reading.files import ReadOptions
    from ..reading.records import RecordFields

    if scheduler or engine == "dask":
        from ..batch.dask_engine import require_dask

        require_dask()
    if no_color and color not in (None, "never"):
        raise click.UsageError(f"--no-color contradicts --color {color}")
    colour = "never" if no_color else color or "auto"
    fields = fields_to_compute(fmt, unit, None if chosen_fields is None else parse_fields(chosen_fields),
                               no_triggers, summary_only)
    versions = model_versions(models_dir, thresholds)
    shown = TextOptions(tuple(dimensions), min_probability, min_weight, findings=not summary_only)
    options = ReadOptions(RecordFields(text_field, id_field, title_field, unit), tuple(include), tuple(exclude),
                          max_bytes or None, written=(output,) if output else ())
    folder = None
    if is_folder(output):
        if unit == "sentence":
            raise click.UsageError("-o DIR/ writes articles; --unit sentence writes one file")
        folder = PartitionedOutput(output, fmt, versions, fields, part_size)
    with output_stream(None if folder else output) as stream:
        style = click.style if fmt == "text" and use_colour(colour, stream) else None
        failures, total, interrupted = _score_articles(
            paths, options, versions, (models_dir, thresholds), fmt, stream, FormatOptions(unit, style, shown),
            jobs, cache, cache_dir, quiet, None if cache_max_mb is None else int(cache_max_mb * 1e6),
            (engine, scheduler), fields, folder)
    if folder is not None:
        total += folder.skipped  # inputs too, done in an earlier run
        if not quiet:
            click.echo(f"framing: {folder.summary()}", err=True)
    if interrupted:
        fail(f"interrupted after {total - failures} {unit}s; their results are written"
             + (" and cached: run the same command again to resume" if cache else ""))
        sys.exit(ExitCode.INTERRUPTED)
    if failures:
        if not quiet:
            fail(f"{failures} of {total} inputs failed")
        sys.exit(ExitCode.INPUT)
    if not total:
        fail(f"{', '.join(paths)}: nothing to score")
        sys.exit(ExitCode.INPUT)


def _score_articles(paths, options, versions, models, fmt, stream, format_options, jobs, use_cache, cache_dir,
                    quiet, cache_max_bytes, engine, fields, folder=None) -> tuple[int, int, bool]:
    """Score and write every article (or sentence record), to `folder` (a
    partitions.PartitionedOutput) if given; returns (failures, inputs, whether Ctrl-C stopped it).

    On Ctrl-C the results completed so far are written out whole and cached.
    """
    from ..batch.cache import ResultCache, default_cache_dir
    from ..batch.engines import ScoreRun
    from ..batch.local import Progress

    cache = ResultCache(Path(cache_dir) if cache_dir else default_cache_dir(), versions, warn, cache_max_bytes) \
        if use_cache else None
    run = ScoreRun(paths, engine[0], engine[1], jobs, models[0], models[1], cache, options, fields,
                   folder.pending if folder else None)
    for note in run.notes:
        warn(note)
    progress = Progress(len(run.files), enabled=not quiet and sys.stderr.isatty())
    writer = folder or open_formatter(fmt, stream, format_options)
    interrupted = False
    try:
        for result in run:
            progress.update(run.batch, result)
            if isinstance(result, InputError):
                progress.clear()
                fail(str(result))
                continue
            for note in result_warnings(result):
                progress.clear()
                warn(note)
            writer.write(result)
            stream.flush()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        writer.close()
        progress.close(run.batch)
        run.close()
    return run.batch.failures, run.batch.failures + run.batch.articles, interrupted

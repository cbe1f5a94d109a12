"""The `framing` command: thin Click commands over the library.

Commands parse options, call the library, and turn `FramingError`s into one-line messages
on stderr. A batch reports each bad input as it meets it, goes on, and exits with
`ExitCode.INPUT` at the end if any input failed.
"""
from __future__ import annotations

import functools
from contextlib import ExitStack
import json
import sys
from pathlib import Path

import click

from . import __version__
from .document import DIMENSIONS
from .errors import ExitCode, FramingError, InputError
from .output import COLOUR_MODES, check_output_path, output_stream, use_colour
from .reading import DEFAULT_MAX_BYTES
from .highlight import MIN_WEIGHT

TASKS = DIMENSIONS + ("splitter",)


def fail(message: str) -> None:
    click.echo(f"framing: error: {message}", err=True)


def warn(message: str) -> None:
    click.echo(f"framing: warning: {message}", err=True)


def result_warnings(result: dict) -> list[str]:
    """What to tell the user about one scored article besides its scores."""
    notes = [f"{result['source']}: {w}" for w in result.get("warnings") or []]
    language = result.get("language") or {}
    if language and not language.get("english", True):
        notes.append(f"{result['source']}: does not look like English (function words "
                     f"{language['function_word_share']:.0%}, Latin letters {language['latin_share']:.0%}); "
                     "its scores are unreliable")
    return notes


def output_path(ctx, param, path: str | None) -> str | None:
    """An output file that can be written, checked before any work is done."""
    try:
        check_output_path(path)
    except FramingError as exc:
        fail(str(exc))
        ctx.exit(ExitCode.INPUT)
    return path


def output_options(formats: tuple[str, ...]):
    """--format and -o/--output, shared by every command that prints results."""
    def decorate(command):
        command = click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
                               callback=output_path,
                               help="Write to this file instead of stdout (atomically).")(command)
        return click.option("--format", "fmt", type=click.Choice(formats), default=formats[0],
                            show_default=True, help="Output format.")(command)
    return decorate


def _threshold_value(value: str) -> tuple[str, float | None]:
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
        name, probability = _threshold_value(value)
        if name not in DIMENSIONS or probability is None:
            raise click.BadParameter(f"{value!r}: give DIMENSION=P with DIMENSION one of "
                                     f"{', '.join(DIMENSIONS)} and P between 0 and 1")
        chosen[name] = probability
    return tuple(sorted(chosen.items()))


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="framing")
def main() -> None:
    """Find loaded language, opinion and speculation in news text, sentence by sentence."""


# ---------------------------------------------------------------- score

@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@output_options(("text", "json", "jsonl", "csv", "html"))
@click.option("--models", "models_dir", type=click.Path(exists=True, file_okay=False),
              help="Folder of retrained models; shipped models fill in the rest.")
@click.option("--unit", type=click.Choice(["article", "sentence"]), default="article", show_default=True,
              help="sentence: each JSONL record is one already-segmented sentence.")
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
@click.option("--dimension", "dimensions", multiple=True, type=click.Choice(DIMENSIONS),
              help="Text: print findings of this dimension only (repeatable).")
@click.option("--min-probability", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Text: print findings from this probability up.")
@click.option("--min-weight", type=click.FloatRange(0), default=MIN_WEIGHT, show_default=True,
              help="Text: mark and list trigger words from this weight up.")
@click.option("--fields", "chosen_fields", metavar="FIELD,...",
              help="JSON/JSONL: write (and compute) only these of scores, sentences, triggers, readability, "
                   "text (default: all; see README, Choosing fields).")
@click.option("--no-triggers", is_flag=True, help="JSON/JSONL: leave out trigger words and kinds (faster).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary of failed inputs.")
@library_errors
def score(paths, fmt, output, models_dir, unit, include, exclude, text_field, id_field, title_field,
          jobs, engine, scheduler, cache, cache_dir, cache_max_mb, max_bytes, thresholds, color, no_color, summary_only,
          dimensions, min_probability, min_weight, chosen_fields, no_triggers, quiet):
    """Score articles: files, folders (recursively), JSONL/CSV collections, or - for stdin."""
    from .fields import output_fields, parse_fields
    from .models_dir import model_versions
    from .reading import ReadOptions
    from .records import RecordFields
    from .render import TextOptions

    if scheduler or engine == "dask":
        if unit == "sentence":
            raise click.UsageError("--engine dask scores articles; --unit sentence runs here")
        from .dask_engine import require_dask

        require_dask()
    if no_color and color not in (None, "never"):
        raise click.UsageError(f"--no-color contradicts --color {color}")
    colour = "never" if no_color else color or "auto"
    if unit == "sentence" and (chosen_fields is not None or no_triggers):
        raise click.UsageError("--fields and --no-triggers are for articles, not --unit sentence")
    fields = output_fields(fmt, None if chosen_fields is None else parse_fields(chosen_fields), no_triggers,
                           summary_only)
    versions = model_versions(models_dir, thresholds)
    shown = TextOptions(tuple(d for d in DIMENSIONS if d in dimensions) or DIMENSIONS, min_probability,
                        min_weight, findings=not summary_only)
    options = ReadOptions(RecordFields(text_field, id_field, title_field), tuple(include), tuple(exclude),
                          max_bytes or None, written=(output,) if output else ())
    interrupted = False
    with output_stream(output) as stream:
        if unit == "sentence":
            from .scoring import load_models

            failures, total = _score_sentences(paths, load_models(models_dir, thresholds), stream, options, fmt)
        else:
            failures, total, interrupted = _score_articles(
                paths, options, versions, (models_dir, thresholds), fmt, stream,
                click.style if fmt == "text" and use_colour(colour, stream) else None, jobs, cache, cache_dir, quiet,
                shown, None if cache_max_mb is None else int(cache_max_mb * 1e6), (engine, scheduler), fields)
    if interrupted:
        fail(f"interrupted after {total - failures} articles; their results are written"
             + (" and cached: run the same command again to resume" if cache else ""))
        sys.exit(ExitCode.INTERRUPTED)
    if failures:
        if not quiet:
            fail(f"{failures} of {total} inputs failed")
        sys.exit(ExitCode.INPUT)
    if not total:
        fail(f"{', '.join(paths)}: nothing to score")
        sys.exit(ExitCode.INPUT)


def _score_articles(paths, options, versions, models, fmt, stream, style, jobs, use_cache, cache_dir,
                    quiet, shown, cache_max_bytes, engine, fields) -> tuple[int, int, bool]:
    """Score and write every article; returns (failures, inputs, whether Ctrl-C stopped it).

    On Ctrl-C the results completed so far are written out whole and cached.
    """
    from .batch import Progress, default_jobs
    from .engines import open_engine
    from .cache import ResultCache, default_cache_dir
    from .output import WRITERS
    from .reading import COLLECTIONS, expand_paths, format_of, read_documents

    notes: list[str] = []
    files = list(expand_paths(paths, options, notes))
    for note in notes:
        warn(note)
    cache = ResultCache(Path(cache_dir) if cache_dir else default_cache_dir(), versions, warn, cache_max_bytes) \
        if use_cache else None
    one_article = len(files) == 1 and isinstance(files[0], str) and format_of(files[0]) not in COLLECTIONS
    engines = ExitStack()  # a Dask engine's cluster and client are closed with it
    batch = engines.enter_context(open_engine(
        engine[0], jobs or (1 if one_article and not engine[1] and engine[0] == "local" else default_jobs()),
        models[0], cache, models[1], engine[1], fields))
    progress = Progress(len(files), enabled=not quiet and sys.stderr.isatty())
    writer = WRITERS[fmt](stream, style, shown) if fmt == "text" else WRITERS[fmt](stream)
    interrupted = False
    try:
        for result in batch.run(read_documents(files, options)):
            progress.update(batch, result)
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
        progress.close(batch)
        engines.close()
        if cache is not None:
            cache.close()
    return batch.failures, batch.failures + batch.articles, interrupted


def _score_sentences(paths, models, stream, options, fmt) -> tuple[int, int]:
    from .output import SentenceLineWriter
    from .reading import open_binary
    from .records import field_list, parse_json_line, text_lines
    from .render import sentence_record
    from .scoring import BATCH, score_texts

    failures = total = 0
    writer = SentenceLineWriter(stream, fmt)
    field = options.fields.text
    # In input order, problems included, each with what stderr says of it (None: said already).
    batch: list[tuple[dict | None, InputError | None, str | None]] = []

    def flush() -> int:
        verdicts = iter(score_texts([record[field] for record, problem, _ in batch if problem is None], models))
        for record, problem, said in batch:
            if problem is None:
                line = sentence_record(record, next(verdicts), options.fields)
            else:
                if said:
                    fail(said)
                line = {"id": None if record is None else record.get(options.fields.id), "error": str(problem)}
            writer.write(line)
        problems = sum(problem is not None for _, problem, _ in batch)
        batch.clear()
        return problems

    for path in paths:
        source = "<stdin>" if path == "-" else path
        try:
            stream_in = open_binary(path)
        except InputError as exc:
            failures, total = failures + 1, total + 1
            fail(str(exc))
            continue
        field_seen = field_missing = False  # a wrong --text-field is said once per file, with the fields there
        with stream_in:
            for number, line in enumerate(text_lines(stream_in), start=1):
                record = parse_json_line(line, f"{source}:{number}")
                if record is None:
                    continue
                total += 1
                if isinstance(record, InputError):
                    batch.append((None, record, str(record)))
                elif not isinstance(record.get(field), str):
                    problem = InputError(f"{source}:{number}", f'record has no "{field}" field')
                    if field_seen:  # the field exists in this file: each record without it is named
                        said = str(problem)
                    elif field_missing:
                        said = None
                    else:
                        said = (f'{source}: records have no "{field}" field (name the text field with '
                                f"--text-field); fields found: {field_list(record)}")
                    field_missing = True
                    batch.append((record, problem, said))
                else:
                    field_seen = True
                    batch.append((record, None, None))
                if len(batch) >= BATCH:
                    failures += flush()
        failures += flush()
    return failures, total


# ---------------------------------------------------------------- cache

@main.group()
def cache():
    """Look at or clear the cache of scored articles."""


cache_dir_option = click.option("--cache-dir", type=click.Path(file_okay=False),
                                help="The cache (default: $FRAMING_CACHE or ~/.cache/framing).")


@cache.command("info")
@cache_dir_option
@library_errors
def cache_info_command(cache_dir):
    """Where the cache is, its size, its entries and the models that scored them."""
    from .cache import cache_info, default_cache_dir, format_info

    click.echo(format_info(cache_info(Path(cache_dir) if cache_dir else default_cache_dir())), nl=False)


@cache.command("clear")
@cache_dir_option
@library_errors
def cache_clear_command(cache_dir):
    """Remove every cached result."""
    from .cache import clear_cache, default_cache_dir

    directory = Path(cache_dir) if cache_dir else default_cache_dir()
    click.echo(f"removed {directory}: {clear_cache(directory) / 1e6:.2f} MB")


# ---------------------------------------------------------------- report

@main.command()
@click.argument("results", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--by", default="folder", show_default=True,
              help="Group by this metadata field (outlet, date, ...) or by folder.")
@output_options(("text", "json"))
@click.option("--html", "html_path", type=click.Path(dir_okay=False, writable=True), callback=output_path,
              help="Also write a self-contained HTML report here.")
@click.option("--max-articles", type=click.IntRange(min=0), default=1000, show_default=True,
              help="Articles shown in full in the HTML report.")
@click.option("--top", type=click.IntRange(min=1), help="Also rank the N articles with the highest share.")
@click.option("--rank-by", type=click.Choice(DIMENSIONS), default="loaded", show_default=True,
              help="The dimension whose share --top ranks by.")
@library_errors
def report(results, by, fmt, output, html_path, max_articles, top, rank_by):
    """Compare groups of scored articles (from `framing score --format jsonl`)."""
    from .report import format_table, format_top, group_results, read_results, summary, top_articles

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
    with output_stream(output) as stream:
        if fmt == "json":
            stream.write(json.dumps({**summary(groups, by), **({"top": ranked} if top else {})}, indent=2) + "\n")
        else:
            stream.write(format_table(groups, by) + (format_top(ranked, rank_by) if top else ""))
    if html_path:
        from .html_report import render_html

        with output_stream(html_path) as stream:
            stream.write(render_html(groups, by, max_articles))
    if failures:
        sys.exit(ExitCode.INPUT)


# ---------------------------------------------------------------- train

@main.command()
@click.option("--data", "data", type=click.Path(file_okay=False),
              help="The training data folder (default: $FRAMING_DATA or ../shared/data).")
@click.option("--task", type=click.Choice(TASKS + ("all",)), default="all", show_default=True)
@click.option("--train", "train_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Train one classifier on these JSONL files (text, label) instead.")
@click.option("--out", "out", type=click.Path(file_okay=False),
              help="Where to write models and cards (default: the shipped models folder).")
@click.option("--no-cv", is_flag=True, help="Skip cross-validation (faster; the card has no CV scores).")
@library_errors
def train(data, task, train_files, out, no_cv):
    """Train the classifiers (and the sentence splitter) from labelled data."""
    from .train_commands import train_files_command, train_shipped

    if train_files:
        if task not in DIMENSIONS:
            raise click.UsageError("--train needs --task loaded, opinion or speculative")
        if not out:
            raise click.UsageError("--train needs --out DIR (the shipped models stay as they are)")
        path = train_files_command(task, train_files, Path(out), cv=not no_cv)
        click.echo(f"wrote {path}")
        return
    for path in train_shipped(task, data, Path(out) if out else None, cv=not no_cv):
        click.echo(f"wrote {path}")


# ---------------------------------------------------------------- evaluate

@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--task", type=click.Choice(TASKS), help="The classifier (or the splitter) to evaluate.")
@click.option("--dev", is_flag=True, help="Evaluate on the task's held-in dev set in the data folder.")
@click.option("--news", "news_split", type=click.Choice(["dev", "test"]),
              help="Score the news split's whole articles with the models in use: macro-F1, voice accuracy, "
                   "kinds, calibration and shares against the annotators' (needs the data folder).")
@click.option("--cross-source", "cross", is_flag=True,
              help="Train on all sources but one and score the one left out, for each source of --task, "
                   "then on the news test split (needs the data folder).")
@click.option("--corpus", "corpus", type=click.Path(exists=True, file_okay=False),
              help="Evaluate all three classifiers on a folder of articles with .labels.tsv gold.")
@click.option("--models", "models_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--data", "data", type=click.Path(file_okay=False),
              help="The data folder for --dev and --task splitter (default: $FRAMING_DATA or ../shared/data).")
@output_options(("text", "json"))
@library_errors
def evaluate(files, task, dev, news_split, cross, corpus, models_dir, data, fmt, output):
    """Score labelled sentences (JSONL with text and label) and report precision, recall, F1."""
    from . import evaluation

    formatter = evaluation.format_scores
    if corpus:
        scores = evaluation.evaluate_corpus_folder(corpus, models_dir)
    elif task == "splitter":
        scores = evaluation.evaluate_splitter(data)
    elif news_split:
        from .news_eval import evaluate_news, format_news

        scores, formatter = evaluate_news(data, models_dir, news_split), format_news
    elif task and cross:
        from .cross_source import cross_source, format_cross_source

        scores, formatter = cross_source(task, data), format_cross_source
    elif task and dev:
        scores = evaluation.evaluate_dev(task, data, models_dir)
    elif task and files:
        scores = evaluation.evaluate_files(task, files, models_dir)
    else:
        raise click.UsageError("give --task with JSONL files, --dev or --cross-source; --task splitter; "
                               "--news dev|test; or --corpus DIR")
    with output_stream(output) as stream:
        stream.write(json.dumps(scores, indent=2) + "\n" if fmt == "json" else formatter(scores))


# ---------------------------------------------------------------- models

@main.command()
@click.option("--models", "models_dir", type=click.Path(exists=True, file_okay=False))
@library_errors
def models(models_dir):
    """List the classifiers in use, their versions and training scores."""
    from .scoring import load_models

    loaded = load_models(models_dir)
    for task, model in loaded.classifiers.items():
        cv = model.metadata.get("cross_validation", {}).get("overall", {})
        figure = f"CV macro-F1 {cv['macro_f1']:.3f}" if cv else "no CV scores"
        click.echo(f"{loaded.versions[task]}  trained {model.metadata.get('trained')}  "
                   f"{model.metadata.get('examples')} sentences  {figure}")


# ---------------------------------------------------------------- check

def _check_thresholds(ctx, param, values: tuple[str, ...]):
    """`--threshold 0.7` (every dimension) or `--threshold loaded=0.7`, as a configuration value."""
    chosen: dict[str, float] = {}
    for value in values:
        name, probability = _threshold_value(value)
        if (name and name not in DIMENSIONS) or probability is None:
            raise click.BadParameter(f"{value!r}: give P or DIMENSION=P with P between 0 and 1 "
                                     f"and DIMENSION one of {', '.join(DIMENSIONS)}")
        chosen.update({name: probability} if name else dict.fromkeys(DIMENSIONS, probability))
    return chosen


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--select", multiple=True, metavar="RULE", help="Only these rule ids or prefixes (repeatable).")
@click.option("--ignore", multiple=True, metavar="RULE", help="Not these rule ids or prefixes (repeatable).")
@click.option("--threshold", "thresholds", multiple=True, callback=_check_thresholds, metavar="[DIMENSION=]P",
              help="Probability from which a sentence becomes a finding (default: each model's own).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Exit 1 when a finding is this severe or more (default: warning).")
@click.option("--include-quoted", is_flag=True, default=None, help="Also check material inside quotation marks.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text",
              show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), callback=output_path,
              help="Write to this file instead of stdout (atomically).")
@click.option("--models", "models_dir", type=click.Path(exists=True, file_okay=False))
@library_errors
def check(files, select, ignore, thresholds, fail_on, include_quoted, fmt, output, models_dir):
    """Check drafts like a linter: one finding per line, with a rule id (see README, Check mode)."""
    from .check import FORMATS, run_check

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

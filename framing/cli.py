"""The `framing` command: thin Click commands over the library.

Commands parse options, call the library, and turn `FramingError`s into one-line messages
on stderr. A batch reports each bad input as it meets it, goes on, and exits with
`ExitCode.INPUT` at the end if any input failed.
"""
from __future__ import annotations

import functools
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__
from .document import DIMENSIONS
from .errors import ExitCode, FramingError, InputError

TASKS = DIMENSIONS + ("splitter",)


def fail(message: str) -> None:
    click.echo(f"framing: error: {message}", err=True)


@contextmanager
def output_stream(path: str | None):
    """stdout, or a file written atomically: a temporary file renamed into place when done."""
    if not path or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent or Path("."), prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def output_options(formats: tuple[str, ...]):
    """--format and -o/--output, shared by every command that prints results."""
    def decorate(command):
        command = click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
                               help="Write to this file instead of stdout (atomically).")(command)
        return click.option("--format", "fmt", type=click.Choice(formats), default=formats[0],
                            show_default=True, help="Output format.")(command)
    return decorate


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

class JsonWriter:
    """Writes one JSON object for a single article, a JSON list for several, streaming."""

    def __init__(self, stream) -> None:
        self.stream, self.held, self.count = stream, None, 0

    def add(self, text: str) -> None:
        if self.count:
            self.stream.write(("[\n" if self.count == 1 else ",\n") + self.held)
        self.held, self.count = text, self.count + 1

    def close(self) -> None:
        if self.count == 1:
            self.stream.write(self.held + "\n")
        elif self.count > 1:
            self.stream.write(",\n" + self.held + "\n]\n")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@output_options(("text", "json", "jsonl"))
@click.option("--models", "models_dir", type=click.Path(exists=True, file_okay=False),
              help="Folder of retrained models; shipped models fill in the rest.")
@click.option("--unit", type=click.Choice(["article", "sentence"]), default="article", show_default=True,
              help="sentence: each JSONL record is one already-segmented sentence.")
@click.option("--color/--no-color", default=None, help="Colour trigger words (default: when a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Do not print the summary of failed inputs.")
@library_errors
def score(paths, fmt, output, models_dir, unit, color, quiet):
    """Score articles (files, folders, or - for stdin)."""
    from .scoring import load_models

    models = load_models(models_dir)
    with output_stream(output) as stream:
        if unit == "sentence":
            failures, total = _score_sentences(paths, models, stream)
        else:
            failures, total = _score_articles(paths, models, models_dir, fmt, stream, color, output)
    if failures:
        if not quiet:
            fail(f"{failures} of {total} inputs failed")
        sys.exit(ExitCode.INPUT)


def _score_articles(paths, models, models_dir, fmt, stream, color, output) -> tuple[int, int]:
    from .reading import read_documents
    from .render import RENDERERS
    from .scoring import analyze

    use_colour = color if color is not None else (output is None and stream.isatty())
    style = click.style if use_colour and fmt == "text" else None
    render = RENDERERS[fmt]
    writer = JsonWriter(stream) if fmt == "json" else None
    failures = total = 0
    for item in read_documents(paths):
        total += 1
        if isinstance(item, InputError):
            failures += 1
            fail(str(item))
            continue
        text = render(analyze(item, models_dir), style)
        if writer:
            writer.add(text)
        else:
            stream.write(text if fmt != "text" or total == 1 else "\n" + text)
        stream.flush()
    if writer:
        writer.close()
    return failures, total


def _score_sentences(paths, models, stream) -> tuple[int, int]:
    from .reading import decode, iter_jsonl_records, read_bytes
    from .render import sentence_record
    from .scoring import score_text

    failures = total = 0
    for path in paths:
        source = "<stdin>" if path == "-" else path
        try:
            records = iter_jsonl_records(decode(read_bytes(path), source), source)
        except InputError as exc:
            failures, total = failures + 1, total + 1
            fail(str(exc))
            continue
        for record in records:
            total += 1
            if isinstance(record, InputError):
                problem = record
            elif not isinstance(record.get("text"), str):
                problem = InputError(f"{source} (id {record.get('id')})", 'record has no "text" string field')
            else:
                line = sentence_record(record, score_text(record["text"], models))
                stream.write(json.dumps(line, ensure_ascii=False) + "\n")
                continue
            failures += 1
            fail(str(problem))
            stream.write(json.dumps({"id": None if isinstance(record, InputError) else record.get("id"),
                                     "error": str(problem)}, ensure_ascii=False) + "\n")
    return failures, total


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
@click.option("--corpus", "corpus", type=click.Path(exists=True, file_okay=False),
              help="Evaluate all three classifiers on a folder of articles with .labels.tsv gold.")
@click.option("--models", "models_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--data", "data", type=click.Path(file_okay=False),
              help="The data folder for --dev and --task splitter (default: $FRAMING_DATA or ../shared/data).")
@output_options(("text", "json"))
@library_errors
def evaluate(files, task, dev, corpus, models_dir, data, fmt, output):
    """Score labelled sentences (JSONL with text and label) and report precision, recall, F1."""
    from . import evaluation

    if corpus:
        scores = evaluation.evaluate_corpus_folder(corpus, models_dir)
    elif task == "splitter":
        scores = evaluation.evaluate_splitter(data)
    elif task and dev:
        scores = evaluation.evaluate_dev(task, data, models_dir)
    elif task and files:
        scores = evaluation.evaluate_files(task, files, models_dir)
    else:
        raise click.UsageError("give --task with JSONL files or --dev, --task splitter, or --corpus DIR")
    with output_stream(output) as stream:
        stream.write(json.dumps(scores, indent=2) + "\n" if fmt == "json" else evaluation.format_scores(scores))


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

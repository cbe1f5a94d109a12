"""`framing train`, `framing evaluate` and `framing models`: the classifiers themselves."""
from __future__ import annotations

from pathlib import Path

import click

from .. import dimensions
from ..output.formatters import REPORT_FORMATS, Report
from ..output.streams import output_stream
from .common import DimensionName, library_errors, output_options


@click.command()
@click.option("--data", "data", type=click.Path(file_okay=False),
              help="The training data folder (default: $FRAMING_DATA or ../shared/data).")
@click.option("--task", type=DimensionName(("splitter", "voice", "all")), default="all", show_default=True)
@click.option("--train", "train_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Train one classifier on these JSONL files (text, label) instead.")
@click.option("--out", "out", type=click.Path(file_okay=False),
              help="Where to write models and cards (default: the shipped models folder).")
@click.option("--no-cv", is_flag=True, help="Skip cross-validation (faster; the card has no CV scores).")
@library_errors
def train(data, task, train_files, out, no_cv):
    """Train the classifiers (and the sentence splitter) from labelled data."""
    from ..training.commands import train_files_command, train_shipped

    if train_files:
        if task not in dimensions.names():
            raise click.UsageError(f"--train needs --task with a dimension: {', '.join(dimensions.names())}")
        if not out:
            raise click.UsageError("--train needs --out DIR (the shipped models stay as they are)")
        path = train_files_command(task, train_files, Path(out), cv=not no_cv)
        click.echo(f"wrote {path}")
        return
    for path in train_shipped(task, data, Path(out) if out else None, cv=not no_cv):
        click.echo(f"wrote {path}")


# ---------------------------------------------------------------- evaluate

@click.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--task", type=DimensionName(("splitter",)), help="The classifier (or the splitter) to evaluate.")
@click.option("--dev", is_flag=True, help="Evaluate on the task's held-in dev set in the data folder.")
@click.option("--news", "news_split", type=click.Choice(["dev", "test"]),
              help="Score the news split's whole articles with the models in use: macro-F1, voice accuracy, "
                   "kinds, calibration and shares against the annotators' (needs the data folder).")
@click.option("--cross-source", "cross", is_flag=True,
              help="Train on all sources but one and score the one left out, for each source of --task, "
                   "then on the news test split (needs the data folder).")
@click.option("--corpus", "corpus", type=click.Path(exists=True, file_okay=False),
              help="Evaluate the classifiers on a folder of articles with .labels.tsv gold.")
@click.option("--models", "models_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--data", "data", type=click.Path(file_okay=False),
              help="The data folder for --dev and --task splitter (default: $FRAMING_DATA or ../shared/data).")
@output_options(REPORT_FORMATS)
@library_errors
def evaluate(files, task, dev, news_split, cross, corpus, models_dir, data, fmt, output):
    """Score labelled sentences (JSONL with text and label) and report precision, recall, F1."""
    from ..training import evaluation

    formatter = evaluation.format_scores
    if corpus:
        scores = evaluation.evaluate_corpus_folder(corpus, models_dir)
    elif task == "splitter":
        scores = evaluation.evaluate_splitter(data)
    elif news_split:
        from ..training.news_eval import evaluate_news, format_news

        scores, formatter = evaluate_news(data, models_dir, news_split), format_news
    elif task and cross:
        from ..training.cross_source import cross_source, format_cross_source

        scores, formatter = cross_source(task, data), format_cross_source
    elif task and dev:
        scores = evaluation.evaluate_dev(task, data, models_dir)
    elif task and files:
        scores = evaluation.evaluate_files(task, files, models_dir)
    else:
        raise click.UsageError("give --task with JSONL files, --dev or --cross-source; --task splitter; "
                               "--news dev|test; or --corpus DIR")
    with output_stream(output) as stream:
        stream.write(REPORT_FORMATS[fmt](Report(scores, formatter(scores))))


@click.command()
@click.option("--models", "models_dir", type=click.Path(exists=True, file_okay=False))
@library_errors
def models(models_dir):
    """List the classifiers in use, their versions and training scores."""
    from ..pipeline.scoring import load_models

    loaded = load_models(models_dir)
    for task, model in loaded.classifiers.items():
        cv = model.metadata.get("cross_validation", {}).get("overall", {})
        figure = f"CV macro-F1 {cv['macro_f1']:.3f}" if cv else "no CV scores"
        click.echo(f"{loaded.versions[task]}  trained {model.metadata.get('trained')}  "
                   f"{model.metadata.get('examples')} sentences  {figure}")

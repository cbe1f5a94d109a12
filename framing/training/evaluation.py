"""`framing evaluate`: score labelled data with the models in use and report the results."""
from __future__ import annotations

from pathlib import Path

from .. import dimensions
from ..errors import FramingError
from . import datasets
from .tasks import task_config


def _evaluate_examples(task: str, examples: list[datasets.Example], where: list[str],
                       models_dir: str | None) -> dict:
    from ..pipeline.scoring import load_models
    from .fit import score_examples
    from .voice_context import with_voice_context

    if not examples:
        raise FramingError(f"{', '.join(where)}: no labelled records")
    models = load_models(models_dir)
    # Each sentence read alone, voice included, as `framing score --unit sentence` reads it.
    examples = with_voice_context(examples, task_config(task), None, models_dir)
    scores = score_examples(models.classifiers[task], examples)
    return {"task": task, "files": where, "model": models.versions[task], **scores}


def evaluate_files(task: str, files: tuple[str, ...], models_dir: str | None = None) -> dict:
    """Precision, recall, F1 and macro-F1 of one classifier on JSONL records with labels."""
    return _evaluate_examples(task, datasets.files_examples(task, files), list(files), models_dir)


def evaluate_dev(task: str, data: str | None, models_dir: str | None = None) -> dict:
    """Scores on the task's held-in dev set (never trained on)."""
    root = datasets.require_data_dir(data)
    spec = task_config(task).dev
    if spec is None:
        raise FramingError(f"the {task} classifier has no dev set; its model card gives CV scores")
    return _evaluate_examples(task, datasets.dev_examples(task, spec, root), [f"{spec.path} ({spec.note})"],
                              models_dir)


def evaluate_corpus_folder(folder: str, models_dir: str | None = None) -> dict:
    from .gold import evaluate_corpus

    return {"task": "corpus", "folder": folder, **evaluate_corpus(Path(folder), models_dir)}


def evaluate_splitter(data: str | None) -> dict:
    """Sentence-boundary scores on the PTC articles held out of the splitter's training."""
    from .boundaries import boundary_scores

    root = datasets.require_data_dir(data)
    _, held_out = datasets.splitter_partition(datasets.ptc_article_paths(root))
    if not held_out:
        raise FramingError(f"{Path(root) / datasets.PTC_ARTICLES}: no articles")
    return {"task": "splitter", **boundary_scores(held_out)}


def _classifier_lines(name: str, scores: dict) -> list[str]:
    lines = [f"{name} on {scores['n']} sentences, {scores['positives']} positive"]
    for label in ("positive", "negative"):
        s = scores[label]
        lines.append(f"  {label:9} precision {s['precision']:.4f}  recall {s['recall']:.4f}  "
                     f"F1 {s['f1']:.4f}  support {s['support']}")
    lines.append(f"  macro-F1 {scores['macro_f1']:.4f}  accuracy {scores['accuracy']:.4f}  "
                 f"Brier {scores['brier']:.4f}")
    return lines


def format_scores(scores: dict) -> str:
    if scores["task"] == "corpus":
        lines = [f"{scores['folder']}: {scores['articles']} articles, {scores['segmented_exactly']} of "
                 f"{scores['gold_sentences']} gold sentences segmented exactly"]
        for task in dimensions.names():
            if task in scores:  # dimensions the gold files label
                lines += _classifier_lines(task, scores[task])
        return "\n".join(lines) + "\n"
    if scores["task"] == "splitter":
        lines = [f"sentence boundaries on {scores['articles']} held-out PTC articles"]
        lines += [f"  {name:18} precision {s['precision']:.4f}  recall {s['recall']:.4f}  "
                  f"F1 {s['f1']:.4f}  ({s['gold']} gold)"
                  for name, s in scores.items() if isinstance(s, dict)]
        return "\n".join(lines) + "\n"
    return "\n".join(_classifier_lines(f"{scores['task']} ({scores['model']})", scores)) + "\n"

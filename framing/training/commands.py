"""What `framing train` does: gather the data for a task, train, write model and card."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .. import dimensions
from ..classifiers.linear import LinearModel
from ..classifiers.models_dir import shipped_models_dir
from ..errors import FramingError
from ..reading.decoding import decode
from ..text.cue_set import CueSet
from ..text.splitter import SPLITTER_FILE, save_parameters, train_parameters
from . import datasets
from .boundaries import boundary_scores, joined_layout
from .fit import save_model, train_model
from .labelling.build import own_labels_metadata
from .model_card import write_splitter_card
from .tasks import TaskConfig, task_config
from .tasks.news import OWN_LABEL_FILES
from .voice import train_voice
from .voice_context import with_voice_context


def _shown(path: str) -> str:
    """A path as a model card shows it: the project's own files relative to the checkout, so
    the card does not depend on where it was trained."""
    checkout = Path(__file__).resolve().parents[2]
    return str(Path(path).relative_to(checkout)) if Path(path).is_relative_to(checkout) else path


def source_rows(examples: list[datasets.Example], sources: list[tuple[str, str]]) -> list[dict]:
    """For the model card: each (path, licence) with how many examples it gave to train on."""
    trained = [e for e in examples if e.trained]
    counts, positives = Counter(e.source for e in trained), Counter(e.source for e in trained if e.label)
    return [{"name": Path(path).stem, "path": _shown(path), "licence": licence,
             "examples": counts[Path(path).stem], "positives": positives[Path(path).stem]}
            for path, licence in sources]


def train_splitter(root: Path, out: Path) -> Path:
    """Train Punkt on the PTC articles outside the held-out fifth; write parameters and card."""
    train_paths, held_out = datasets.splitter_partition(datasets.ptc_article_paths(root))
    if not train_paths:
        raise FramingError(f"{root / datasets.PTC_ARTICLES}: no articles to train the splitter on")
    texts = [joined_layout(decode(p.read_bytes(), str(p))[0])[0] for p in train_paths]
    out.mkdir(parents=True, exist_ok=True)
    path = out / SPLITTER_FILE
    save_parameters(train_parameters(texts), path)
    scores = boundary_scores(held_out, str(path))
    write_splitter_card(out / "punkt_news.md", len(train_paths), scores)
    return path


def cue_set(config: TaskConfig, root: Path | None) -> CueSet:
    """The task's cues, with word lists read from the data folder, or, without one, taken
    from the shipped model (users retraining on their own files keep the same lexicons)."""
    if not config.lexicons:
        lexicons = {}
    elif root is not None:
        lexicons = {name: datasets.read_lexicon(root / spec.path, spec.keep, spec.field)
                    for name, spec in config.lexicons.items()}
    else:
        shipped = LinearModel.load(shipped_models_dir() / f"{config.name}.npz").cues
        lexicons = {name: shipped.lexicons[name] for name in config.lexicons}
    return CueSet.build(config.cues, config.patterns, lexicons)


def word_list_rows(config: TaskConfig, cues: CueSet) -> list[dict]:
    """For the model card: each word list the cues use, with its file, licence and size."""
    return [{"cue": f"lexicon:{name}", "path": spec.path, "licence": spec.licence,
             "entries": len(cues.lexicons[name])} for name, spec in config.lexicons.items()]


def train_task(name: str, root: Path, cv: bool = True, voice_dir: str | None = None) -> LinearModel:
    """Train the shipped classifier `name` from the data folder (reading the voice model in
    `voice_dir`, else the shipped one)."""
    config = task_config(name)
    # The news test split is never trained on: the cross-source table scores it.
    examples = with_voice_context([e for e in datasets.task_examples(name, config.sources, root)
                                   if not datasets.in_news_split(e, "test")], config, root, voice_dir)
    dev = with_voice_context(datasets.dev_examples(name, config.dev, root), config, root, voice_dir)
    sources = [(spec.path, spec.licence) for spec in config.sources]
    cues = cue_set(config, root)
    model = train_model(config, cues, examples, source_rows(examples, sources), dev, cv)
    if cv:
        from .cross_source import cross_source

        model.metadata["cross_source"] = cross_source(name, str(root), config, voice_dir=voice_dir)
    model.metadata.update(own_labels_metadata([p for p in OWN_LABEL_FILES if any(Path(s.path) == p for s in config.sources)]))
    model.metadata["word_lists"] = word_list_rows(config, cues)
    if config.dev:
        model.metadata["dev_name"] = f"`{config.dev.path}` ({config.dev.note})"
    model.metadata["command"] = f"framing train --data ../shared/data --task {name}"
    model.metadata["card_notes"] = config.card_notes
    return model


def train_shipped(task: str, data: str | None, out: Path | None, cv: bool = True) -> Iterator[Path]:
    """Train the shipped splitter, voice model and/or classifiers from the data folder."""
    root = datasets.require_data_dir(data)
    out = out or shipped_models_dir()
    if task in ("splitter", "all"):
        yield train_splitter(root, out)
    if task in ("voice", "all"):
        yield train_voice(root, out)
    for name in dimensions.names() if task == "all" else [task] if task not in ("splitter", "voice") else []:
        yield save_model(train_task(name, root, cv, str(out)), out)  # with the voice model just trained there


def train_files_command(task: str, files: tuple[str, ...], out: Path, cv: bool = True) -> Path:
    """Train one classifier on the user's own JSONL files, with the shipped recipe."""
    examples = datasets.files_examples(task, files)
    if len({e.label for e in examples}) < 2:
        raise FramingError(f"{', '.join(files)}: training needs examples of both labels")
    config = task_config(task)
    examples = with_voice_context(examples, config, None)  # the user's sentences, each read alone
    sources = source_rows(examples, [(f, "user data") for f in files])
    model = train_model(config, cue_set(config, datasets.data_dir()), examples, sources,
                        cv=cv and len(examples) >= 50)
    model.metadata["command"] = f"framing train --task {task} " + " ".join(
        f"--train {f}" for f in files) + f" --out {out}"
    return save_model(model, out)

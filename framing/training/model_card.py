"""Model cards: what a shipped classifier was trained on, how well it does, how to rebuild it.

Written from the model's own metadata at training time, so a card can never describe a
different model from the one beside it.
"""
from __future__ import annotations

from pathlib import Path

from .. import dimensions
from ..classifiers.linear import LinearModel


def _scores_row(name: str, s: dict) -> str:
    pos = s["positive"]
    return (f"| {name} | {s['n']} | {s['positives']} | {pos['precision']:.3f} | {pos['recall']:.3f} "
            f"| {pos['f1']:.3f} | {s['macro_f1']:.3f} | {s.get('brier', float('nan')):.3f} |")


def render_model_card(model: LinearModel) -> str:
    meta = model.metadata
    task = model.task
    dimension = dimensions.get(task)
    lines = [
        f"# Model card: `{task}`",
        "",
        dimension.purpose,
        "",
        f"- Labels: `{dimension.positive}` (positive) / `{dimension.negative}`.",
        f"- Trained: {meta.get('trained')}, on {meta.get('examples')} sentences "
        f"({meta.get('positives')} positive), de-duplicated across sources"
        + (f"; {meta['scored_only']} more are scored in cross-validation but not trained on"
           if meta.get("scored_only") else "") + ".",
        f"- Method: {meta['method']['features']}; {meta['method']['classifier']}.",
        f"- Cue features: {', '.join(meta['method']['cues'])}.",
        f"- Vocabulary: {len(model.vocabulary)} n-grams. File: `{task}.npz` (NumPy arrays and JSON "
        "metadata, loaded with `allow_pickle=False`: nothing executes on load).",
        f"- Library versions: {', '.join(f'{k} {v}' for k, v in meta.get('versions', {}).items())}.",
        "",
        "## Training data",
        "",
        "| source | file | sentences | positive | licence as stated |",
        "|---|---|---|---|---|",
    ]
    for source in meta.get("sources", []):
        lines.append(f"| {source['name']} | `{source['path']}` | {source['examples']} "
                     f"| {source['positives']} | {source['licence']} |")
    if meta.get("word_lists"):
        lines += ["", "Word lists (stored in the model file; each is one cue feature):", "",
                  "| cue | file | entries | licence as stated |", "|---|---|---|---|"]
        lines += [f"| `{w['cue']}` | `{w['path']}` | {w['entries']} | {w['licence']} |" for w in meta["word_lists"]]
    table_head = ["| set | n | positive | precision | recall | F1 (positive) | macro-F1 | Brier |",
                  "|---|---|---|---|---|---|---|---|"]
    cv = meta.get("cross_validation")
    if cv:
        lines += ["", "## Cross-validated scores", "",
                  f"{cv['folds']}-fold cross-validation, folds stratified by label and grouped by "
                  "article where the data name one (so no article is on both sides); scores of the "
                  "out-of-fold predictions at probability 0.5.", ""]
        lines += table_head + [_scores_row("all", cv["overall"])]
        lines += [_scores_row(name, s) for name, s in cv.get("by_source", {}).items()]
        if cv.get("reliability"):
            lines += ["", "Calibration of the out-of-fold probabilities: each bin's mean probability "
                      "against its positive rate, as the data have it and with both labels weighted "
                      "equally. Trained with class-balanced weights, the classifier leans towards equal "
                      "priors, so its probabilities run above the raw rate when positives are rare; "
                      "read them as the balance of evidence, with 0.5 the decision point.", "",
                      "| probability | sentences | mean probability | positive rate | positive rate, labels weighted equally |",
                      "|---|---|---|---|---|"]
            lines += [f"| {r['bin']} | {r['n']} | {r['mean_probability']:.3f} | {r['positive_rate']:.3f} | "
                      f"{r.get('balanced_positive_rate', float('nan')):.3f} |" for r in cv["reliability"]]
    if meta.get("dev"):
        lines += ["", "## Development set", "",
                  f"Never trained on: {meta.get('dev_name', 'held-in dev split')}.", ""]
        lines += table_head + [_scores_row("dev", meta["dev"])]
    lines += _cross_source_lines(meta.get("cross_source"))
    lines += _calibration_lines(meta.get("calibration"), (meta.get("cross_source") or {}).get("news_test"))
    lines += _news_label_lines(meta.get("own_labels"))
    if meta.get("card_notes"):
        lines += ["", meta["card_notes"].strip()]
    lines += [
        "",
        "## Limits",
        "",
        "A bag of words with cues: it sees one sentence at a time, knows no world facts, and "
        "inherits the label definitions and the outlets of its training data. Its probabilities "
        "are calibrated on news articles (above); on other registers they mean less.",
        "",
        "## Reproduce",
        "",
        "```",
        meta.get("command", f"framing train --data ../shared/data --task {task}"),
        "```",
        "",
        "Training is deterministic: the same data and library versions give a model with identical "
        "predictions.",
        "",
    ]
    return "\n".join(lines)


def _cross_source_lines(report: dict | None) -> list[str]:
    if not report:
        return []
    from .cross_source import format_cross_source

    return ["", "## On text it was not trained on", "",
            "Each source scored by this recipe trained on all the other sources (never on an article "
            "it scores), at probability 0.5 before calibration; the news rows train on everything "
            "outside the split, calibrated on the news of the training part (`framing evaluate --task "
            f"{report['dimension']} --cross-source`). Recipes are chosen on the left-out mean and the news "
            "dev split; the test split is scored once, for this card.", "",
            *format_cross_source(report).rstrip().split("\n")[1:]]


def _calibration_lines(calibration: dict | None, test: dict | None) -> list[str]:
    if not calibration:
        return []
    lines = ["", "## Calibration on news", "",
             f"Platt scaling fitted on the out-of-fold decision values of {calibration['news_sentences']} "
             "news training sentences (folds grouped by article)"
             + (", with the article context beside it (below)," if calibration.get("context_weight") else ",")
             + " folded into the coefficients "
             f"(slope {calibration['slope']:.3f}, offset {calibration['offset']:.3f}): every verdict is "
             "still a sum of per-word contributions. A sentence is flagged from probability "
             f"{calibration['threshold']:.2f}, the macro-F1-best threshold on those same out-of-fold "
             "values (`--threshold` overrides it)."]
    if calibration.get("context_weight"):
        scores, centre = calibration["out_of_fold_macro_f1"], calibration["context_centre"]
        lines += ["", f"Article context: scored inside a document, a sentence's logit L_i gets "
                  f"{calibration['context_weight']:.3f} x (mean L_j of the document's other scored sentences "
                  f"{'-' if centre >= 0 else '+'} {abs(centre):.3f}), the L_j without this term "
                  "(`framing/classifiers/article_context.py`): an op-ed's sentences lean one way, a wire "
                  "report's the other. The weight is a second variable of the same logistic regression, "
                  f"fitted on the same sentences, {calibration['in_article']} of which share their article with "
                  "other labelled ones (each against the mean out-of-fold value of those others, the rest at "
                  "the mean); the centre is that mean, so a sentence read alone (`--unit sentence`, datasets) keeps L_i, "
                  "its verdict at an average article. Out-of-fold macro-F1 at the threshold chosen for each: "
                  f"{scores['alone']:.3f} read alone, {scores['with_context']:.3f} with the article context. "
                  "It is a contribution of its own (`article_context`) in a verdict's explanation, never a "
                  "trigger: it points at no words."]
    if test and test.get("reliability"):
        lines += ["", f"On the news test split (never trained or tuned on): expected calibration error "
                  f"{test['ece']:.3f}; mean probability {test['mean_probability']:.1%} against a true rate "
                  f"of {test['true_rate']:.1%}; flagged {test['flagged_rate']:.1%}.", "",
                  "| probability | sentences | mean probability | positive rate |", "|---|---|---|---|"]
        lines += [f"| {r['bin']} | {r['n']} | {r['mean_probability']:.3f} | {r['positive_rate']:.3f} |"
                  for r in test["reliability"]]
    return lines


def _kappas(summary: dict) -> str:
    fields = summary["agreement"]
    return (", ".join(f"{f} {fields[f]['kappa']:.3f}" for f in ("voice", "opinion", "speculative", "loaded"))
            + f"; kinds overlap F1 {fields['kinds']['overlap_f1']:.3f}")


def _news_label_lines(own: dict | None) -> list[str]:
    """What the model card says of our label files (`own_labels` metadata: summaries by file stem)."""
    from .document_sets import DOCUMENT_SETS
    from .tasks.news import OWN_LABELS

    if not own:
        return []
    lines = ["", "## News labels made by this project"]
    ptc = own.get(OWN_LABELS.stem)
    if ptc:
        lines += ["", f"`framing/training/labelling/{OWN_LABELS.name}`: {ptc['records']} lines of {ptc['articles']} PTC "
                  "articles beyond those the maintainers' sets cover (the records point at the text by article, "
                  "line and offsets). Two independent annotators, each a language-model helper given only "
                  "../shared/ANNOTATION.md and the article's lines, labelled every line; a third reading "
                  f"settled the {ptc['settled']} lines where they differed. Agreement between the two "
                  f"(Cohen's kappa): {_kappas(ptc)}. Agreement between two passes of "
                  "language models shows the guideline is applied consistently, not that people would agree "
                  "as much. The maintainers' news sets were labelled the same way (see sources/news/ in the "
                  "data folder)."]
    for document_set in DOCUMENT_SETS.values():
        summary = own.get(document_set.labels.stem)
        if summary:
            lines += ["", f"`framing/training/labelling/{document_set.labels.name}`: {summary['records']} sentences of "
                      f"{summary['articles']} {document_set.description}, pointed at by document and sentence index, "
                      "labelled the same way (two independent annotators per batch, "
                      f"{summary['settled']} lines settled by a third reading; who labelled which batch: "
                      f"`framing/training/labelling/LABELLERS.md`). Kappa: {_kappas(summary)}. "
                      f"{document_set.card_note}".rstrip()]
    return lines


def write_model_card(model: LinearModel, path: Path) -> None:
    path.write_text(render_model_card(model), encoding="utf-8")


def write_splitter_card(path: Path, train_articles: int, scores: dict) -> None:
    """The card of the Punkt parameters, with the held-out boundary scores."""
    rows = "\n".join(f"| {name} | {s['gold']} | {s['precision']:.4f} | {s['recall']:.4f} | {s['f1']:.4f} |"
                     for name, s in scores.items() if isinstance(s, dict))
    path.write_text(f"""# Model card: sentence splitter (`punkt_news.json`)

NLTK Punkt parameters (abbreviations, collocations, sentence starters, orthographic
context) learned without supervision from {train_articles} PTC news articles (SemEval-2020 Task 11
training articles; licence: none stated by the organizers), plus a list of news abbreviations
of our own (`NEWS_ABBREVIATIONS` in `framing/text/splitter.py`). Stored as plain JSON: loading it
executes nothing. Every fifth PTC article (sorted by file name), {scores['articles']} in all, is
held out of training and used only for the scores below.

## Held-out sentence-boundary scores

Each held-out article's paragraphs are joined into running text and split by framing's full
segmenter; the sentence ends it finds are compared with the ends of the article's lines
(one sentence per line in the PTC layout).

| boundaries | gold | precision | recall | F1 |
|---|---|---|---|---|
{rows}

- `all`: every line end. `inside_paragraphs`: paragraph ends left out (they are boundaries
  whatever the splitter does). `punctuated`: lines that end without sentence punctuation
  (embedded tweets, captions, share links) are left out on both sides, since no splitter can
  find them once the lines are joined.
- The reference layout itself comes from an automatic splitter and has its own errors: it does
  not split after a closing curly quote (`...gunmen.” The report...`), which framing does, and
  it splits after abbreviations such as `Fr.` and `U.S. Marshals`, which framing does not.
  Both count against framing here.

## Reproduce

```
framing train --data ../shared/data --task splitter
framing evaluate --task splitter --data ../shared/data
```
""", encoding="utf-8")


def _confusion_table(rule: list[list[int]], model: list[list[int]]) -> list[str]:
    from .voice import VOICES

    lines = ["| gold \\ predicted | rule: " + " / ".join(VOICES) + " | model: " + " / ".join(VOICES) + " |",
             "|---|---|---|"]
    lines += [f"| {gold} | {' / '.join(map(str, r))} | {' / '.join(map(str, m))} |"
              for gold, r, m in zip(VOICES, rule, model)]
    return lines


def render_voice_card(model) -> str:
    """The card of the voice model (`voice.json`), from its metadata."""
    from .document_sets import DOCUMENT_SETS
    from .tasks.news import OWN_LICENCE

    meta, settings = model.metadata, model.settings
    dev, test = meta["dev"], meta["test"]
    sets = [s for s in DOCUMENT_SETS.values() if s.name in meta["data"]]
    registers = [("ptc", "PTC articles", "articles")] + [(s.name, f"{s.title} (mainstream)", s.unit) for s in sets]

    def trained(key: str) -> tuple[int, int]:
        """Lines and documents of the train and dev splits."""
        return tuple(sum(meta["data"][key][split][i] for split in ("train", "dev")) for i in (1, 0))

    rebuilt = ", ".join("{} lines of {} whole {}".format(*trained(s.name), s.title) for s in sets)
    lines = [
        "# Model card: `voice`",
        "",
        "Whose claim a sentence makes (../shared/ANNOTATION.md, field `voice`): `writer`, `quoted` or "
        "`attributed`. It replaces the rule (`Sentence.rule_voice`: share of the sentence inside quotation "
        "marks, and whether an attribution cue matched), which stays one of its features and the answer for "
        "sentences scored without an article around them.",
        "",
        f"- Trained: {meta['trained']}, on the labelled lines of the news train and dev splits "
        "(`datasets.news_split`): {} lines of {} PTC articles".format(*trained("ptc"))
        + (f"; {rebuilt} (mainstream news), each of those lines weighted {settings['document_weight']} and "
           "without the paragraph features (their sentences are rebuilt one a paragraph, a layout that is not "
           "the writer's)" if sets else "") + ". The test split is never trained on.",
        f"- Method: multinomial logistic regression (L2, C={settings['C']}, lbfgs, no class weights) over "
        f"{len(model.features)} sparse features of the sentence and of one neighbour each side "
        "(`framing/text/voice.py`): quotation marks and whether a quotation runs in or on, attribution cue "
        "kinds and their place in the clause, a verb of saying with a pronoun or at the sentence's edge, "
        "person, colons and speaker labels, the paragraph position, how many lines into a block set off by a "
        "line ending in a colon or an ellipsis (`framing/text/quote_state.py`), how many of the sentences up to "
        "three away on either side are quoted, attributed or in the writer's first person (a quotation or a "
        "report running over several sentences, a source named two sentences away, a statement reprinted at "
        "length), quotation marks typed as two apostrophes or backquotes (``like this''), a closed list of "
        "words that mark who speaks, and the rule's answer.",
        "- File: `voice.json` (classes, feature names, coefficients, intercepts, settings; plain JSON, "
        "verified by `MANIFEST.json`, scored with NumPy: nothing executes on load).",
        f"- Library versions: {', '.join(f'{k} {v}' for k, v in meta.get('versions', {}).items())}.",
        "",
        "## Training data",
        "",
        "Each labelled line is matched to the longest sentence framing finds in it, as `framing evaluate "
        "--news` matches them (an MPQA document or a MultiDimNews article laid out as it scores one: each "
        "sentence a paragraph); lines marked \"not a sentence\" are left out.",
        "",
        "| set | labellers | licence as stated |",
        "|---|---|---|",
        "| `news/maintainers_news_labels.jsonl`, `news/maintainers_news_bulk.jsonl` (data folder) | "
        "language-model annotators (the maintainers' sets, see sources/news/ in the data folder) | labels: the "
        "framing maintainers; text: PTC articles (SemEval-2020 Task 11; none stated), read from the data folder |",
        f"| `framing/training/labelling/ptc_news_labels.jsonl` | two independent language-model annotators "
        f"and a third reading | {OWN_LICENCE} |",
        *[f"| `framing/training/labelling/{s.labels.name}` | two independent language-model annotators "
          f"and a third reading | {s.licence} |" for s in sets],
        "",
        *_news_label_lines(meta.get("own_labels"))[1:],
        "",
        "## Choosing C (PTC dev split)",
        "",
        "Trained on the train split only ({}), scored on dev ({}); C is the best on PTC dev (ties: on the other "
        "sets' dev), then refitted on train + dev.".format(*("; ".join(f"{meta['data'][key][split][1]} lines of {meta['data'][key][split][0]} {title}"
                                          for key, title, _ in registers) for split in ("train", "dev"))),
        "",
        "| C | " + " | ".join(f"{title}, dev accuracy" for _, title, _ in registers) + " |",
        "|---|" + "---|" * len(registers),
        *["| {} | {} |".format(C, " | ".join(f"{acc[key]:.4f}" for key, _, _ in registers))
          for C, acc in meta["dev_by_C"].items()],
        "",
    ]
    if "grouped_cv" in meta:
        cv = meta["grouped_cv"]
        lines += [f"Five-fold cross-validation over the train split, grouped by article (C={settings['C']}; "
                  f"`training.voice.grouped_cv`): accuracy PTC articles {cv['ptc']:.4f}, the documents labelled whole "
                  f"{cv['mainstream']:.4f}. Features are kept where this and dev accuracy agree.", ""]
    for key, title, unit in registers:
        lines += [f"Dev accuracy, {title}: rule {dev[key]['rule']:.4f}, model (train only) {dev[key]['model']:.4f}.",
                  "", *_confusion_table(dev[key]["rule_confusion"], dev[key]["model_confusion"]), ""]
    lines += ["## News test split (never trained on; scored once, for this card)", ""]
    for key, title, unit in registers:
        data = meta["data"][key]["test"]
        lines += [f"{title}: {data[1]} lines of {data[0]} {unit}. Accuracy: rule {test[key]['rule']:.4f}, "
                  f"model {test[key]['model']:.4f}.", "",
                  *_confusion_table(test[key]["rule_confusion"], test[key]["model_confusion"]), ""]
    lines += [
        "## Limits",
        "",
        "It sees a sentence and its two neighbours, how far it stands into a block introduced by a line "
        "ending in a colon or an ellipsis, and only counts of what stands up to three sentences away: a "
        "block quotation, a letter or a transcript without quotation marks and without such an introduction "
        "mostly reads as the writer's, and where a block ends is guessed from its length. Interview "
        "transcripts are labelled inconsistently (an interviewer's turns as the writer's in some articles, "
        "as quoted in others); features of speaker turns fitted one convention and lost dev accuracy. "
        "Attributed and writer's claims are still confused where a verb of saying stands in a background "
        "clause or is missing. "
        "Sentences scored one by one (datasets, `score_texts`) keep the rule's voice.",
        "",
        "## Reproduce",
        "",
        "```",
        meta["command"],
        "framing evaluate --news test   # voice accuracy, with the shipped model",
        "```",
        "",
        "Training is deterministic: the same data and library versions give the same model.",
        "",
    ]
    return "\n".join(lines)


def write_voice_card(model, path: Path) -> None:
    path.write_text(render_voice_card(model), encoding="utf-8")

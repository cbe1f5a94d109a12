"""Annotators' label files: check them, measure agreement, and merge them into the set.

Each annotator writes one JSON object per line: `id`, `voice` (writer, quoted, attributed),
`opinion`, `speculative`, `loaded` (0 or 1), `kinds` (hedge, forecast, hypothetical,
alarmist; empty unless speculative) and optionally `note`.

    python -m framing.training.labelling.labels check BATCH.txt LABELS.jsonl
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from ...dimensions.speculative import KINDS as PRODUCT_KINDS

VOICES = ("writer", "quoted", "attributed")
KINDS = ("hedge", "forecast", "hypothetical", "alarmist")  # as ANNOTATION.md names them
PRODUCT_KIND = dict(zip(KINDS, PRODUCT_KINDS))  # ... and as framing's output names them
BINARY = ("opinion", "speculative", "loaded")
FIELDS = ("voice",) + BINARY + ("kinds",)


class LabelError(ValueError):
    pass


def check_record(record: dict) -> dict:
    """The record's labels, normalized; raises LabelError naming what is wrong."""
    if record.get("voice") not in VOICES:
        raise LabelError(f"voice must be one of {', '.join(VOICES)}")
    for name in BINARY:
        if record.get(name) not in (0, 1):
            raise LabelError(f"{name} must be 0 or 1")
    kinds = record.get("kinds", [])
    if not isinstance(kinds, list) or any(kind not in KINDS for kind in kinds):
        raise LabelError(f"kinds must be a list of {', '.join(KINDS)}")
    if bool(kinds) != bool(record["speculative"]):
        raise LabelError("kinds must be given exactly when speculative is 1")
    labels = {name: record[name] for name in ("voice",) + BINARY}
    labels["kinds"] = sorted(set(kinds))
    if isinstance(record.get("note"), str) and record["note"].strip():
        labels["note"] = record["note"].strip()
    return labels


def read_labels(path: Path) -> dict[str, dict]:
    labels = {}
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                labels[record["id"]] = check_record(record)
            except (ValueError, KeyError, TypeError) as error:
                raise LabelError(f"{path}:{number}: {error}") from None
    return labels


def batch_ids(path: Path) -> list[str]:
    return re.findall(r"^([a-z]\d+)\t", path.read_text(encoding="utf-8"), flags=re.M)


def cohen_kappa(first: Iterable, second: Iterable) -> float:
    pairs = list(zip(first, second))
    observed = sum(a == b for a, b in pairs) / len(pairs)
    values = {v for pair in pairs for v in pair}
    expected = sum((sum(a == v for a, _ in pairs) / len(pairs)) * (sum(b == v for _, b in pairs) / len(pairs))
                   for v in values)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def agreement(first: dict[str, dict], second: dict[str, dict]) -> dict[str, dict]:
    """Per field: Cohen's kappa and raw agreement over the ids both labelled; kinds as
    overlap F1 over sentences both called speculative."""
    ids = sorted(set(first) & set(second))
    table = {}
    for name in ("voice",) + BINARY:
        a, b = [first[i][name] for i in ids], [second[i][name] for i in ids]
        table[name] = {"kappa": round(cohen_kappa(a, b), 3),
                       "agreement": round(sum(x == y for x, y in zip(a, b)) / len(ids), 3)}
    both = [i for i in ids if first[i]["speculative"] and second[i]["speculative"]]
    shared = sum(len(set(first[i]["kinds"]) & set(second[i]["kinds"])) for i in both)
    total = sum(len(first[i]["kinds"]) + len(second[i]["kinds"]) for i in both)
    table["kinds"] = {"overlap_f1": round(2 * shared / total, 3) if total else 0.0, "sentences": len(both)}
    return table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Check an annotator's label file against its batch.")
    parser.add_argument("command", choices=["check"])
    parser.add_argument("batch", type=Path)
    parser.add_argument("labels", type=Path)
    args = parser.parse_args(argv)
    try:
        labels = read_labels(args.labels)
    except (LabelError, OSError) as error:
        sys.exit(f"error: {error}")
    wanted = batch_ids(args.batch)
    missing = [i for i in wanted if i not in labels]
    extra = sorted(set(labels) - set(wanted))
    if missing or extra:
        sys.exit(f"error: {len(missing)} ids missing (first: {missing[:5]}), {len(extra)} unknown ids ({extra[:5]})")
    print(f"ok: {len(labels)} records, all valid")


if __name__ == "__main__":
    main()

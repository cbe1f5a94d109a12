"""Merge two annotators' labels: agreement per field, the disagreements for a third
reading, and the settled set that training reads.

    python -m framing.training.labelling.build agreement --items DIR/items.jsonl --a DIR/A --b DIR/B
    python -m framing.training.labelling.build disagreements ... --out DIR/C     (one file per batch)
    python -m framing.training.labelling.build settle ... --c DIR/C --out framing/training/labelling/ptc_news_labels.jsonl
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from .labels import FIELDS, agreement, read_labels


def read_folder(folder: Path) -> dict[str, dict]:
    labels: dict[str, dict] = {}
    for path in sorted(folder.glob("batch*.jsonl")):
        labels.update(read_labels(path))
    return labels


def read_items(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as lines:
        return {record["id"]: record for record in map(json.loads, lines)}


def disagreeing(first: dict[str, dict], second: dict[str, dict]) -> list[str]:
    return [i for i in first if i in second and any(first[i][f] != second[i][f] for f in FIELDS)]


def write_disagreements(items: dict, first: dict, second: dict, batches: Path, out: Path) -> int:
    """For each batch, the lines the two annotators labelled differently, both labels shown."""
    out.mkdir(parents=True, exist_ok=True)
    ids = set(disagreeing(first, second))
    for batch in sorted(batches.glob("batch*.txt")):
        lines = []
        for line in batch.read_text(encoding="utf-8").split("\n"):
            item = line.split("\t", 1)[0]
            if line.startswith("## "):
                lines.append(line)
            elif item in ids:
                lines.append(line)
                lines.append(f"    A: {json.dumps(first[item])}")
                lines.append(f"    B: {json.dumps(second[item])}")
        (out / batch.name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(ids)


NOT_A_SENTENCE = "not a sentence"


def _labels(reading: dict) -> dict:
    return {f: reading[f] for f in FIELDS}


def settle(items: dict, first: dict, second: dict, third: dict) -> list[dict]:
    """Every item both annotators labelled: the agreed labels, or the third reading's."""
    records = []
    for item, pointer in items.items():
        if item not in first or item not in second:
            continue
        agreed = all(first[item][f] == second[item][f] for f in FIELDS)
        if not agreed and item not in third:
            raise ValueError(f"{item}: annotators disagree and there is no third reading")
        settled = {f: (first[item] if agreed else third[item])[f] for f in FIELDS}
        readings = [first[item], second[item]] if agreed else [third[item]]
        if any(r.get("note") == NOT_A_SENTENCE for r in readings):
            settled["note"] = NOT_A_SENTENCE  # page debris: never scored, never trained on
        records.append({**pointer, **settled, "agreement": "agreed" if agreed else "settled",
                        "annotator_a": _labels(first[item]), "annotator_b": _labels(second[item])})
    return records


def own_labels_summary(path: Path) -> dict:
    """For model cards: size, articles, settled lines and agreement of a settled set."""
    with open(path, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    first = {r["id"]: r["annotator_a"] for r in records}
    second = {r["id"]: r["annotator_b"] for r in records}
    return {"records": len(records), "articles": len({r["doc_id"] for r in records}),
            "settled": sum(r["agreement"] == "settled" for r in records), "agreement": agreement(first, second)}


def own_labels_metadata(paths: list[Path]) -> dict:
    """For model metadata: the summary of each of our label files that exists, by file stem."""
    return {"own_labels": {path.stem: own_labels_summary(path) for path in paths if path.exists()}}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["agreement", "disagreements", "settle"])
    parser.add_argument("--items", type=Path, required=True)
    parser.add_argument("--a", type=Path, required=True)
    parser.add_argument("--b", type=Path, required=True)
    parser.add_argument("--c", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    items, first, second = read_items(args.items), read_folder(args.a), read_folder(args.b)
    if args.command == "agreement":
        print(json.dumps({"items": len(set(first) & set(second)),
                          "disagreeing": len(disagreeing(first, second)),
                          "fields": agreement(first, second)}, indent=1))
    elif args.command == "disagreements":
        count = write_disagreements(items, first, second, args.items.parent, args.out)
        print(f"{count} items to settle, in {args.out}")
    else:
        records = settle(items, first, second, read_folder(args.c))
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r) + "\n" for r in records)
        print(f"{len(records)} records written to {args.out}")


if __name__ == "__main__":
    main()

"""Choose whole news documents to label and write the annotators' batch files.

Two sets hold mainstream news sentence by sentence, in document order, where the PTC articles
lean to partisan outlets (`document_sets.DOCUMENT_SETS`): MPQA 1.2
(../shared/data/opinion/mpqa.jsonl, world press of 2001-2002) and MultiDimNews
(opinion/multidimnews.jsonl, 90 articles of 2014 from 33 countries). Documents of `--shortest`
to `--longest` sentences are drawn in a seeded order until about `--lines` sentences are taken,
and dealt to the batches so that each gets about as many lines. Documents already labelled (the set's labels file) are skipped: a later round takes
a new `--prefix`, so its ids never meet those of the labels already made.

    python -m framing.training.labelling.sample_documents --data ../shared/data --out /tmp/annotation --prefix n
    python -m framing.training.labelling.sample_documents --dataset multidimnews --shortest 1 --longest 100 ...

The records (`items.jsonl`) point at each sentence by document and sentence index (`line`).
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from ..datasets import require_data_dir
from ..document_sets import DOCUMENT_SETS, labelled_ids, read_documents
from .sample import batch_file

SEED = 20261203
SIZES = (10, 30)  # sentences per document: enough context, and many documents (rounds m-o)


def sample(root: Path, lines: int, batches: int, prefix: str = "m", seed: int = SEED,
           skip: frozenset[str] = frozenset(), sizes: tuple[int, int] = SIZES,
           dataset: str = "mpqa") -> list[list[list[dict]]]:
    """The batches, each a list of documents (none of `skip`, each of `sizes` sentences), each the list of its
    sentences' records."""
    documents = read_documents(root, DOCUMENT_SETS[dataset])
    whole = sorted(d for d, sentences in documents.items() if sizes[0] <= len(sentences) <= sizes[1]
                   and sorted(sentences) == list(range(len(sentences))))
    random.Random(seed).shuffle(whole)
    chosen, total = [], 0
    for doc_id in (d for d in whole if d not in skip):
        if total >= lines:
            break
        chosen.append(doc_id)
        total += len(documents[doc_id])
    dealt: list[list[str]] = [[] for _ in range(batches)]
    sizes = [0] * batches
    for doc_id in chosen:
        smallest = sizes.index(min(sizes))
        dealt[smallest].append(doc_id)
        sizes[smallest] += len(documents[doc_id])
    out, number = [], 0
    for doc_ids in dealt:  # numbered batch by batch, document by document
        out.append([])
        for doc_id in doc_ids:
            records = []
            for index, text in sorted(documents[doc_id].items()):
                records.append({"id": f"{prefix}{number:05d}", "dataset": dataset, "doc_id": doc_id,
                                "line": index, "text": " ".join(text.split()),
                                "heading": text.strip()})  # as the source holds it
                number += 1
            out[-1].append(records)
    return out


def write_batches(batches: list[list[list[dict]]], out: Path) -> None:
    """One annotator file per batch (the first sentence heads each document) and `items.jsonl`."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "items.jsonl", "w", encoding="utf-8") as items:
        for number, documents in enumerate(batches, start=1):
            (out / f"batch{number:02d}.txt").write_text(batch_file(documents, "heading"), encoding="utf-8")
        for records in sorted((r for documents in batches for records in documents for r in records),
                              key=lambda r: r["id"]):
            items.write(json.dumps({k: records[k] for k in ("id", "dataset", "doc_id", "line")}) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data")
    parser.add_argument("--dataset", choices=sorted(DOCUMENT_SETS), default="mpqa")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--lines", type=int, default=780)
    parser.add_argument("--batches", type=int, default=3)
    parser.add_argument("--prefix", default="m", help="first letter of the ids of this round")
    parser.add_argument("--shortest", type=int, default=SIZES[0], help="fewest sentences a document may have")
    parser.add_argument("--longest", type=int, default=SIZES[1],
                        help="most sentences a document may have (once the shorter ones are all labelled)")
    args = parser.parse_args(argv)
    batches = sample(require_data_dir(args.data), args.lines, args.batches, args.prefix,
                     skip=labelled_ids(DOCUMENT_SETS[args.dataset]),
                     sizes=(args.shortest, args.longest), dataset=args.dataset)
    write_batches(batches, args.out)
    documents = sum(len(b) for b in batches)
    print(f"{sum(len(r) for b in batches for r in b)} sentences of {documents} {args.dataset} documents "
          f"in {args.batches} batches")


if __name__ == "__main__":
    main()

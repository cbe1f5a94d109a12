"""One part file of a partitioned output: JSON Lines or Parquet, written and read back.

Parquet holds one row per article, one string column per result key; nested values (scores,
sentences, ...) are JSON strings, and the file's metadata names those columns, so every part
has the same schema and reads back into the same dicts as JSON Lines.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import FramingError

JSON_COLUMNS = ("metadata", "warnings", "language", "models", "scores", "readability", "sentences")
ROW_GROUP = 1000  # Parquet rows held in memory before they are written
PARQUET_INSTALL = "pip install 'framing[parquet]'"



def require_pyarrow():
    """`pyarrow.parquet`, or a one-line error saying how to install it."""
    try:
        import pyarrow.parquet
    except ImportError:
        raise FramingError(f"--format parquet needs pyarrow: {PARQUET_INSTALL}") from None
    return pyarrow.parquet


class JsonlPart:
    def __init__(self, path: Path) -> None:
        self.stream = open(path, "w", encoding="utf-8", newline="\n")

    def write(self, result: dict) -> None:
        self.stream.write((getattr(result, "json_line", None) or json.dumps(result, ensure_ascii=False)) + "\n")

    def close(self) -> None:
        self.stream.close()


class ParquetPart:
    """Rows are held ROW_GROUP at a time; the columns are the first result's keys."""

    def __init__(self, path: Path) -> None:
        self.path, self.rows, self.writer, self.columns = path, [], None, None

    def write(self, result: dict) -> None:
        self.rows.append(result)
        if len(self.rows) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        self.columns = self.columns or list(self.rows[0])
        nested = [c for c in self.columns if c in JSON_COLUMNS]
        schema = pa.schema([pa.field(c, pa.string()) for c in self.columns],
                           metadata={"framing.json_columns": ",".join(nested)})
        table = pa.table({c: [json.dumps(r.get(c), ensure_ascii=False) if c in nested else r.get(c)
                              for r in self.rows] for c in self.columns}, schema=schema)
        if self.writer is None:
            self.writer = require_pyarrow().ParquetWriter(self.path, schema)
        self.writer.write_table(table)
        self.rows = []

    def close(self) -> None:
        if self.rows:
            self._flush()
        if self.writer is not None:
            self.writer.close()


PARTS = {".jsonl": JsonlPart, ".parquet": ParquetPart}


def read_part(path: str | Path) -> Iterator[dict]:
    """The results in one part file, JSON Lines or Parquet, as dicts, in order."""
    path = Path(path)
    if path.suffix == ".parquet":
        parquet = require_pyarrow().ParquetFile(path)
        nested = set((parquet.schema_arrow.metadata or {}).get(b"framing.json_columns", b"").decode().split(","))
        for batch in parquet.iter_batches():
            for row in batch.to_pylist():
                yield {k: json.loads(v) if k in nested and v is not None else v for k, v in row.items()}
        return
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            yield json.loads(line)

"""Turn files, folders and stdin into `Document`s.

Every reader returns plain article text with newlines normalized; markup is removed here so
that the later stages see prose only. Problems with one input raise `InputError`, which
names the input, so a batch can report it and go on.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from .document import Document
from .errors import InputError

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
                 ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}


# ---------------------------------------------------------------- decoding

def decode(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252 / Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"invalid UTF-16 text ({exc.reason})") from None
    elif b"\x00" in data[:8192]:
        raise InputError(source, "binary file, not text")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------- markup

class _ArticleExtractor(HTMLParser):
    """Collects visible article text block by block, dropping page furniture.

    When the page has an <article> or <main> element, only its text is kept.
    """

    SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "form", "button",
            "select", "nav", "aside", "footer", "head"}
    BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "br", "tr", "td",
              "blockquote", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "header", "pre",
              "dd", "dt", "table", "hr"}
    VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base", "col"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.in_title = False
        self.title = ""
        self.container_depth = 0
        self.all_blocks: list[list[str]] = [[]]
        self.article_blocks: list[list[str]] = [[]]
        self.saw_container = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.VOID:
            if tag == "br":
                self._break()
            return
        if tag == "title":
            self.in_title = True
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in ("article", "main"):
            self.container_depth += 1
            self.saw_container = True
        if tag in self.BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag in ("article", "main") and self.container_depth:
            self.container_depth -= 1
        if tag in self.BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        self.all_blocks[-1].append(data)
        if self.container_depth:
            self.article_blocks[-1].append(data)

    def _break(self) -> None:
        for blocks in (self.all_blocks, self.article_blocks):
            if blocks[-1]:
                blocks.append([])

    def text(self) -> str:
        blocks = self.article_blocks if self.saw_container else self.all_blocks
        paragraphs = (" ".join("".join(b).split()) for b in blocks)
        return "\n\n".join(p for p in paragraphs if p)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible article text of an HTML page, and its <title> if any."""
    parser = _ArticleExtractor()
    parser.feed(html)
    parser.close()
    title = " ".join(parser.title.split()) or None
    return parser.text(), title


_MD_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images keep their alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\w)"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
]
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_MD_BULLET = re.compile(r"^(\s*)(?:[*+]|\d+[.)])\s+")


def markdown_to_text(md: str) -> str:
    """Prose of a Markdown document: headings, emphasis, links and code fences removed.

    List items keep a "- " marker so that the segmenter treats each as its own sentence.
    """
    lines, in_fence = [], False
    for line in md.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or _MD_RULE.match(line) or _MD_REFDEF.match(line):
            continue
        line = _MD_QUOTE.sub("", line)
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = _MD_BULLET.sub(r"\1- ", line)
        for pattern, replacement in _MD_INLINE:
            line = pattern.sub(replacement, line)
        lines.append(line.rstrip())
    return "\n".join(lines).strip("\n")


# ---------------------------------------------------------------- records

def _record_document(record: object, source: str, fmt: str) -> Document:
    if not isinstance(record, dict):
        raise InputError(source, "record is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(source, 'record has no "text" string field')
    title = record.get("title") if isinstance(record.get("title"), str) else None
    ident = record.get("id")
    metadata = {k: v for k, v in record.items() if k not in ("text", "title", "id")}
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n\n{body}"
    return Document(text=body, source=source, title=title,
                    id=str(ident) if ident is not None else None, format=fmt, metadata=metadata)


def json_documents(text: str, source: str) -> list[Document]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    records = data if isinstance(data, list) else [data]
    return [_record_document(r, source if len(records) == 1 else f"{source}#{i + 1}", "json")
            for i, r in enumerate(records)]


def iter_jsonl_records(text: str, source: str) -> Iterator[dict | InputError]:
    """Each non-blank line's JSON object, or an `InputError` naming the line."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "record is not a JSON object")
            continue
        yield record


def jsonl_documents(text: str, source: str) -> Iterator[Document | InputError]:
    for number, record in enumerate(iter_jsonl_records(text, source), start=1):
        if isinstance(record, InputError):
            yield record
            continue
        try:
            yield _record_document(record, f"{source}:{number}", "jsonl")
        except InputError as exc:
            yield exc


# ---------------------------------------------------------------- files

def read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None


def format_of(path: str, text: str) -> str:
    if path == "-":
        return "html" if text.lstrip().startswith("<") else "txt"
    return TEXT_SUFFIXES.get(Path(path).suffix.lower(), "txt")


def read_path(path: str) -> Iterator[Document | InputError]:
    """The documents in one file (several for JSON lists and JSONL), or its error."""
    source = "<stdin>" if path == "-" else path
    try:
        text = decode(read_bytes(path), source)
        fmt = format_of(path, text)
        if fmt == "jsonl":
            yield from jsonl_documents(text, source)
            return
        if fmt == "json":
            yield from json_documents(text, source)
            return
        title = None
        if fmt == "html":
            text, title = html_to_text(text)
        elif fmt == "md":
            text = markdown_to_text(text)
        if not text.strip():
            raise InputError(source, "no text")
        yield Document(text=text, source=source, title=title, format=fmt)
    except InputError as exc:
        yield exc


def expand_paths(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Files named directly, and the readable files under each folder, in sorted order."""
    for path in paths:
        p = Path(path)
        if path == "-" or p.is_file():
            yield path
        elif p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES \
                        and not any(part.startswith(".") for part in child.relative_to(p).parts):
                    yield str(child)
        else:
            yield InputError(path, "no such file or directory")


def read_documents(paths: Iterable[str]) -> Iterator[Document | InputError]:
    """Every document behind the given paths, with an `InputError` in place of each bad input."""
    for path in expand_paths(paths):
        if isinstance(path, InputError):
            yield path
        else:
            yield from read_path(path)

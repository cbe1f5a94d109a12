"""Prose out of a draft, with every character mapped back to its place in the file.

`framing score` strips markup and forgets where the text came from; a linter must point at
the line and column of the file the writer edits. So the readers here build the prose one
piece at a time and keep, for each character of it, its offset in the original text. Code
(fenced and indented blocks, inline code), URLs, HTML comments and YAML front matter never
reach the prose, so they can never be findings.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser


@dataclass(frozen=True)
class MappedText:
    """Prose and, for each of its characters, the offset of that character in `original`."""

    original: str
    text: str
    offsets: tuple[int, ...]

    def to_original(self, offset: int) -> int:
        """The original offset of prose offset `offset` (its end maps past the last character)."""
        if not self.offsets:
            return 0
        if offset >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[offset]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original of prose offset `offset`."""
        return line_column(self.original, self.to_original(offset))


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`, counted in characters."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


class _Builder:
    """Prose assembled from stretches of the original, each character remembering its offset."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []

    def add(self, text: str, start: int, collapse: bool = False) -> None:
        """Append `text`, which stands at `start` in the original (one character per offset);
        with `collapse`, runs of white space become one space, as a browser shows them."""
        for i, char in enumerate(text):
            if collapse and char.isspace():
                if self.chars and self.chars[-1] in " \n":
                    continue
                char = " "
            self.chars.append(char)
            self.offsets.append(start + i)

    def put(self, char: str, at: int) -> None:
        """Append one character that stands for the original text at `at` (an entity, a break)."""
        self.chars.append(char)
        self.offsets.append(at)

    def build(self, original: str) -> MappedText:
        return MappedText(original, "".join(self.chars), tuple(self.offsets))


def plain_text(text: str) -> MappedText:
    return MappedText(text, text, tuple(range(len(text))))


# ---------------------------------------------------------------- Markdown

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# Markup inside a line: what to drop (whole match, or only the named marker groups).
_DROP_WHOLE = [
    re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)"),  # inline code
    re.compile(r"<(?:https?://|mailto:)[^>\s]*>"),  # autolinks
    re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]"),  # bare URLs
    re.compile(r"</?[A-Za-z][^>]*>"),  # inline HTML tags
]
_LINK = re.compile(r"(?P<open>!?\[)(?P<label>[^\]]*)(?P<close>\]\([^)]*\)|\]\[[^\]]*\])")
_EMPHASIS = [
    re.compile(r"(?P<m>\*\*|__)(?=\S)(?:.+?)(?<=\S)(?P=m)"),
    re.compile(r"(?<![\w*])(?P<m>\*)(?=\S)(?:.+?)(?<=\S)\*(?!\w)"),
    re.compile(r"(?<![\w_])(?P<m>_)(?=\S)(?:.+?)(?<=\S)_(?!\w)"),
]
_LINE_PREFIX = re.compile(r"^(?:\s{0,3}>\s?)*(?:\s{0,3}#{1,6}\s+)?")
_HEADING_CLOSE = re.compile(r"\s+#+\s*$")


def _blank(mask: list[bool], start: int, end: int) -> None:
    for i in range(start, end):
        mask[i] = False


def _line_mask(line: str) -> list[bool]:
    """Which characters of one Markdown line are prose."""
    keep = [True] * len(line)
    prefix = _LINE_PREFIX.match(line)
    _blank(keep, 0, prefix.end())
    if prefix.group().rstrip().endswith("#"):
        closing = _HEADING_CLOSE.search(line)
        if closing:
            _blank(keep, closing.start(), len(line))
    for pattern in _DROP_WHOLE:
        for match in pattern.finditer(line):
            _blank(keep, match.start(), match.end())
    for match in _LINK.finditer(line):
        _blank(keep, match.start("open"), match.end("open"))
        _blank(keep, match.start("close"), match.end("close"))
    for pattern in _EMPHASIS:
        for match in pattern.finditer(line):
            width = len(match.group("m"))
            _blank(keep, match.start(), match.start() + width)
            _blank(keep, match.end() - width, match.end())
    return keep


def markdown_text(original: str) -> MappedText:
    """The prose of a Markdown draft. Lines that are not prose (front matter, code, rules,
    reference definitions) become empty lines, so paragraphs stay apart as they were."""
    masked = list(original)
    for match in _COMMENT.finditer(original):  # comments may span lines: blank them first
        for i in range(match.start(), match.end()):
            if masked[i] != "\n":
                masked[i] = "\0"
    front = _FRONT_MATTER.match(original)
    skip_until = front.end() if front else 0
    builder, offset, fence, indented, previous_blank = _Builder(), 0, None, False, True
    for line in "".join(masked).split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        blank = not line.replace("\0", "").strip()
        opening = _FENCE.match(line)
        indented = bool(_INDENTED.match(line)) and (indented or previous_blank) if not blank else indented
        if start < skip_until or indented:
            pass
        elif fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
        elif opening:
            fence = opening.group(1)
        elif not (_RULE.match(line) or _REFDEF.match(line)):
            for i, keep in enumerate(_line_mask(line)):
                if keep and line[i] != "\0":
                    builder.put(line[i], start + i)
        previous_blank = blank
        if end < len(original):
            builder.put("\n", end)
    return builder.build(original)


# ---------------------------------------------------------------- HTML

class _MappedHTML(HTMLParser):
    """Visible text of a page, each character placed in the source by the parser's positions."""

    SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "code", "pre"}
    BLOCKS = {"p", "div", "section", "article", "main", "li", "ul", "ol", "br", "tr", "td",
              "blockquote", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "header", "pre",
              "dd", "dt", "table", "hr", "footer", "nav", "aside", "title"}

    def __init__(self, original: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", original)]
        self.builder = _Builder()
        self.skip_depth = 0

    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _break(self) -> None:
        if self.builder.chars and self.builder.chars[-1] != "\n":
            at = self._here()
            self.builder.put("\n", at)
            self.builder.put("\n", at)

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        if tag in self.BLOCKS:
            self._break()

    def handle_endtag(self, tag) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in self.BLOCKS:
            self._break()

    def handle_data(self, data) -> None:
        if not self.skip_depth:
            self.builder.add(data, self._here(), collapse=True)

    def handle_entityref(self, name) -> None:
        if not self.skip_depth:
            self.builder.put(unescape(f"&{name};")[:1], self._here())

    def handle_charref(self, name) -> None:
        if not self.skip_depth:
            self.builder.put(unescape(f"&#{name};")[:1], self._here())


def html_text(original: str) -> MappedText:
    """The visible prose of an HTML draft; scripts, styles, code and comments left out."""
    parser = _MappedHTML(original)
    parser.feed(original)
    parser.close()
    return parser.builder.build(original)


READERS = {"md": markdown_text, "html": html_text, "txt": plain_text}


def mapped_text(original: str, fmt: str) -> MappedText:
    return READERS.get(fmt, plain_text)(original)


# ---------------------------------------------------------------- suppression

_IGNORE = re.compile(r"<!--\s*framing:\s*ignore\b(?P<rules>[^>]*?)\s*-->")
ALL_RULES = "*"


def suppressions(original: str) -> dict[int, frozenset[str]]:
    """Rules silenced per line: `<!-- framing: ignore FR101 FR2 -->` silences those rule ids
    (or prefixes) on its own line and the next; without ids, every rule."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", original)]
    silenced: dict[int, set[str]] = {}
    for match in _IGNORE.finditer(original):
        rules = set(re.split(r"[\s,]+", match.group("rules").strip())) - {""} or {ALL_RULES}
        end_line = bisect.bisect_right(line_starts, match.end() - 1)
        for line in (end_line, end_line + 1):
            silenced.setdefault(line, set()).update(rules)
    return {line: frozenset(rules) for line, rules in silenced.items()}

"""Article text out of markup: HTML pages and Markdown files.

Both return prose only, paragraphs separated by blank lines, so that the later stages see
the same shape of text whatever the source format.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser


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

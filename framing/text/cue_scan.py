"""Many word patterns matched in one pass over a sentence, with what each would find alone.

Cue patterns start at a word boundary, `(?<![\\w'\u2019-])`. Run one by one, each is tried at
every character of every sentence: most of the scoring time. Here they are tried only at word
starts, and at each word start only those whose first character can be the one there (worked
out from the parsed pattern), all in one regular expression per first character; a pattern
that is a list of alternatives brings only those that can start there. Each pattern keeps
its leftmost, non-overlapping matches, exactly as `finditer` would give them.
"""
from __future__ import annotations

import re
from functools import cache, cached_property
from itertools import compress, repeat
from operator import is_not

try:  # the regular-expression parser: private, so its place moves between Python versions
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as sre
    import sre_parse

WORD_START = r"(?<![\w'\u2019-])"
_SPACE = re.compile(r"\s")
# The only non-ASCII characters an ASCII character matches when case is ignored (İ ı ſ K);
# tests check the list against every code point.
CASE_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_ASCII = [chr(i) for i in range(128)]


def _split(pattern: str) -> tuple[str, bool] | None:
    """(body, ignore case) of a word-start pattern; None for any other pattern."""
    ignorecase = pattern.startswith("(?i)")
    rest = pattern[4:] if ignorecase else pattern
    return (rest[len(WORD_START):], ignorecase) if rest.startswith(WORD_START) else None


def _first_of(items) -> tuple[set[str] | None, bool]:
    """Characters a parsed sequence can start with (None: any) and whether it can be empty."""
    found: set[str] = set()
    for op, av in items:
        chars, empty = _first_of_item(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _first_of_item(op, av) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        chars = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] < 256:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:  # negated sets, categories such as \w: any character, as far as we know
                return None, False
        return chars, False
    if op is sre.BRANCH:
        firsts = [_first_of(alternative) for alternative in av[1]]
        if any(chars is None for chars, _ in firsts):
            return None, False
        return set().union(*(chars for chars, _ in firsts)), any(empty for _, empty in firsts)
    if op is sre.SUBPATTERN:
        return _first_of(av[3])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        chars, empty = _first_of(av[2])
        return chars, empty or av[0] == 0
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):  # zero width: the next item decides
        return set(), True
    return None, False


def _first_characters(body: str, ignorecase: bool) -> set[str] | None:
    """The ASCII characters a match of `body` can start with; None when not known or when
    it can start with a space or a non-ASCII character (then the slow path takes it)."""
    if body[:1].isascii() and body[:1].isalnum() and body[1:2] not in ("?", "*", "+", "{"):
        chars = {body[0]}  # a plain first letter, as in most word lists: no need to parse
    else:
        try:
            chars, empty = _first_of(sre_parse.parse(body, re.IGNORECASE if ignorecase else 0))
        except Exception:  # a parser we do not know: try the pattern at every word start
            return None
        if chars is None or empty or any(not c.isascii() or c.isspace() for c in chars):
            return None
    return set().union(*map(_same_ignoring_case, chars)) if ignorecase else chars


@cache
def _same_ignoring_case(char: str) -> frozenset[str]:
    return frozenset(c for c in _ASCII if re.fullmatch("(?i)" + re.escape(char), c))


def _capturing_groups(pattern: str) -> int:
    return sum(1 for i, c, _ in _structure(pattern)
               if c == "(" and (not pattern.startswith("?", i + 1) or pattern.startswith("?P<", i + 1)))


def _structure(pattern: str):
    """(index, character, depth) of each parenthesis and bar that is syntax, not text:
    escaped characters and character classes are skipped. Depth counts the groups open
    before the character."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += 2 if pattern.startswith("^]", i + 1) else 1 if pattern.startswith("]", i + 1) else 0
        elif c in "()|":
            depth -= c == ")"
            yield i, c, depth
            depth += c == "("
        i += 1


def _alternatives(body: str) -> tuple[list[str], str]:
    """The top-level alternatives of a body `(?:a|b|...)rest`, and the rest; a body of
    another shape is one alternative with no rest."""
    alternatives, rest = [body], ""
    while len(alternatives) == 1 and alternatives[0].startswith("(?:"):
        group, inner, start = alternatives[0], [], 3
        for i, c, depth in _structure(group):
            if depth == 0 and c == ")":
                inner.append(group[start:i])
                after = group[i + 1:]
                break
            if depth == 1 and c == "|":
                inner.append(group[start:i])
                start = i + 1
        if after[:1] in ("*", "+", "?", "{"):  # a repeated group is one alternative
            break
        alternatives, rest = inner, after + rest
    return alternatives, rest


class _Alternatives:
    """Bodies tried together at one word start: each in a lookahead group of its own.

    Compiled on first use: worker processes forked after the models load compile their own,
    side by side, and a short text compiles only the characters it has.
    """

    def __init__(self, bodies: list[tuple[str, str, bool]]) -> None:
        parts, self.groups, group = [], [], 1
        for key, body, ignorecase in bodies:
            body = f"(?i:{body})" if ignorecase else body
            parts.append(f"(?:(?=({body}))|)")
            self.groups.append((group - 1, key))
            group += 1 + _capturing_groups(body)
        self.pattern = "".join(parts)
        # Each group's pattern, None for groups inside a pattern: the match's groups, named.
        self.keys: tuple[str | None, ...] = tuple(dict(self.groups).get(i) for i in range(group - 1))

    @cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self.pattern)


_MAX_BEGINNINGS = 64


def _beginnings(items) -> tuple[set[str], bool]:
    """Literal beginnings one of which every match of a parsed sequence starts with (as
    written: compared ignoring case if the pattern does), and whether they are all of it."""
    found = {""}
    for op, av in items:
        if op is sre.LITERAL:
            found = {b + chr(av) for b in found}
            continue
        if op is sre.IN and 0 < len(av) <= 4 and all(kind is sre.LITERAL for kind, _ in av):
            options = [({chr(value)}, True) for _, value in av]
        elif op is sre.BRANCH:
            options = [_beginnings(alternative) for alternative in av[1]]
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group that sets no flags
            options = [_beginnings(av[3])]
        else:
            return found, False
        longer = {b + more for b in found for beginnings, _ in options for more in beginnings}
        if len(longer) > _MAX_BEGINNINGS:
            return found, False
        found = longer
        if not all(whole for _, whole in options):
            return found, False
    return found, True


def _literal_beginnings(alternative: str, ignorecase: bool) -> set[str] | None:
    """Beginnings of two characters or more, one of which every match of `alternative`
    starts with; None when there are none such."""
    try:
        found, _ = _beginnings(sre_parse.parse(alternative, re.IGNORECASE if ignorecase else 0))
    except Exception:  # a parser we do not know: no beginnings
        return None
    return found if all(len(b) >= 2 for b in found) else None


def trie(strings) -> str:
    """The strings as one regular expression, a trie: one pass over the alternatives instead
    of one per string."""
    root: dict = {}
    for string in strings:
        node = root
        for ch in string:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        if list(node) == [""]:
            return ""
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _candidates(split: list[tuple[str, bool, list[tuple[str, set[str] | None]], str]]) -> str:
    """A regular expression for the word starts where some pattern may match, one character
    long: where an alternative that can start with any character matches, or one that can
    start with the (ASCII) character there, or at a non-ASCII character that an ASCII one
    matches when case is ignored. Finding them in one search leaves Python only the few word
    starts where something may match.

    An alternative with literal beginnings ("said", "says" for `sa(?:id|ys)\b`) is looked for
    by those alone, all of a character's in one trie: a word start they pass but the whole
    pattern does not is tried in vain, which costs less than trying every alternative at
    every word start."""
    def body(alternatives: list[str], rest: str, ignorecase: bool) -> str:
        joined = f"(?:{'|'.join(alternatives)}){rest}"
        return f"(?i:{joined})" if ignorecase else joined

    anywhere = [body(a, rest, i) for _, i, alts, rest in split if (a := [a for a, first in alts if first is None])]
    literal: dict[bool, set[str]] = {True: set(), False: set()}
    bodies_of: list[tuple[list[tuple[str, set[str]]], str, bool]] = []
    for _, ignorecase, alts, rest in split:
        whole = []
        for alternative, first in alts:
            if first is None:
                continue
            beginnings = _literal_beginnings(alternative, ignorecase)
            if beginnings is None:
                whole.append((alternative, first))
            else:
                literal[ignorecase].update(beginnings)
        bodies_of.append((whole, rest, ignorecase))
    by_bodies: dict[tuple[str, ...], list[str]] = {}
    for c in _ASCII:
        if not _SPACE.match(c):
            bodies = [body(a, rest, i) for whole, rest, i in bodies_of
                      if (a := [a for a, first in whole if c in first])]
            cased = [b for b in literal[False] if b[0] == c]
            folded = [b for b in literal[True] if c in _same_ignoring_case(b[0])]
            bodies += ([f"(?i:{trie(folded)})"] if folded else []) + ([trie(cased)] if cased else [])
            if bodies:
                by_bodies.setdefault(tuple(bodies), []).append(c)
    branches = [f"(?=(?:{'|'.join(anywhere)}))\\S"] if anywhere else []
    branches += [f"[{''.join(map(re.escape, chars))}](?<=(?=(?:{'|'.join(bodies)}))(?s:.))"
                 for bodies, chars in by_bodies.items()]
    branches.append(f"[{CASE_FOLDS_TO_ASCII}]")
    return WORD_START + "(?:" + "|".join(branches) + ")"


class CueScanner:
    """The matches of many patterns in a text, as each pattern's `finditer` would give them."""

    def __init__(self, patterns) -> None:
        self.others: dict[str, re.Pattern] = {}
        split: list[tuple[str, bool, list[tuple[str, set[str] | None]], str]] = []
        for pattern in dict.fromkeys(patterns):
            word_start = _split(pattern)
            if word_start is None:
                self.others[pattern] = re.compile(pattern)
                continue
            body, ignorecase = word_start
            alternatives, rest = _alternatives(body)
            split.append((pattern, ignorecase, [(a, _first_characters(a + rest, ignorecase))
                                                for a in alternatives], rest))
        self.keys = frozenset(self.others) | {key for key, *_ in split}
        self._fallback = _Alternatives([(k, body, i) for k, i, alts, rest in split
                                        for body in [f"(?:{'|'.join(a for a, _ in alts)}){rest}"]])
        shared: dict[tuple, _Alternatives] = {}  # one regex for characters that choose alike
        self._by_first: dict[str, _Alternatives] = {}
        for c in _ASCII:
            chosen = tuple((key, f"(?:{'|'.join(starting)}){rest}", ignorecase)
                           for key, ignorecase, alts, rest in split
                           if (starting := [a for a, first in alts if first is None or c in first]))
            if chosen:
                if chosen not in shared:
                    shared[chosen] = _Alternatives(list(chosen))
                self._by_first[c] = shared[chosen]
        self._candidates_pattern = _candidates(split)

    @cached_property
    def _candidates(self) -> re.Pattern:
        return re.compile(self._candidates_pattern)

    def __contains__(self, pattern: str) -> bool:
        return pattern in self.keys

    def scan(self, text: str) -> dict[str, list[tuple[int, int]]]:
        return {key: [] for key in self.keys} | self.scan_found(text)

    def scan_found(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """`scan` without the patterns that do not match (most of them, in a sentence)."""
        found: dict[str, list[tuple[int, int]]] = {}
        reached: dict[str, int] = {}
        by_first, fallback = self._by_first, self._fallback
        for start in self._candidates.finditer(text):
            p = start.start()
            c = text[p]
            alternatives = by_first.get(c) if c.isascii() else fallback
            if alternatives is None:
                continue
            groups = alternatives.regex.match(text, p).groups()
            if groups.count(None) == len(groups):
                continue
            for key, matched in compress(zip(alternatives.keys, groups), map(is_not, groups, repeat(None))):
                if key is not None and p >= reached.get(key, 0):
                    end = p + len(matched)
                    found.setdefault(key, []).append((p, end))
                    reached[key] = end if end > p else p + 1
        for key, pattern in self.others.items():
            if pattern.search(text):  # most do not match: one search says so
                found[key] = [m.span() for m in pattern.finditer(text)]
        return found

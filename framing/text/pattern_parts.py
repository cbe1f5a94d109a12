"""What a cue pattern can start with, worked out from its parsed form: its word-start prefix,
its top-level alternatives, the characters each can begin with, and one regular expression
that finds the places where any pattern can match (`cue_scan.CueScanner` uses them)."""
from __future__ import annotations

import re
from functools import cache, cached_property

try:  # the regular-expression parser: private, so its place moves between Python versions
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as sre
    import sre_parse

WORD_START = r"(?<![\w'\u2019-])"
WORD_END = r"(?![\w'\u2019-])"
SPACE = re.compile(r"\s")
# The only non-ASCII characters an ASCII character matches when case is ignored (İ ı ſ K);
# tests check the list against every code point.
CASE_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
ASCII = [chr(i) for i in range(128)]


def word_start_body(pattern: str) -> tuple[str, bool] | None:
    """(body, ignore case) of a word-start pattern; None for any other pattern."""
    ignorecase = pattern.startswith("(?i)")
    rest = pattern[4:] if ignorecase else pattern
    return (rest[len(WORD_START):], ignorecase) if rest.startswith(WORD_START) else None


def literal_text(pattern: str) -> str | None:
    """The string a pattern of plain characters matches ("!", "\\?"); None for any other."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # a parser we do not know: not known to be plain
        return None
    if parsed.state.flags & re.IGNORECASE or not all(op is sre.LITERAL for op, _ in parsed):
        return None
    return "".join(chr(av) for _, av in parsed) or None


MAX_NEEDED_CHARACTERS = 8


def needed_text(pattern: str) -> str | None:
    """A regular expression for what every match of `pattern` holds, far cheaper to search
    for: its longest run of three characters or more that it must match as written, or else
    the few characters its first must be one of, past any lookbehind (the engine looks for
    those at C speed, where a pattern that opens with a lookbehind or a choice is tried at
    every character). The run or characters are matched as the pattern matches them (ignoring
    case if it does). None when there is no such thing."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # a parser we do not know: nothing known
        return None
    flags = "(?i)" if parsed.state.flags & re.IGNORECASE else ""
    runs, run = [], ""
    for op, av in [*parsed, (None, None)]:
        if op is sre.LITERAL:
            run += chr(av)
        else:
            runs.append(run)
            run = ""
    longest = max(runs, key=len)
    if len(longest) >= 3:
        return flags + re.escape(longest)
    first = next(((op, av) for op, av in parsed if op not in (sre.ASSERT, sre.ASSERT_NOT, sre.AT)), (None, None))
    if first[0] is sre.IN and 0 < len(first[1]) <= MAX_NEEDED_CHARACTERS and all(k is sre.LITERAL for k, _ in first[1]):
        return flags + "[" + "".join(re.escape(chr(value)) for _, value in first[1]) + "]"
    return None


def first_of(items) -> tuple[set[str] | None, bool]:
    """Characters a parsed sequence can start with (None: any) and whether it can be empty."""
    found: set[str] = set()
    for op, av in items:
        chars, empty = first_of_item(op, av)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def first_of_item(op, av) -> tuple[set[str] | None, bool]:
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
        firsts = [first_of(alternative) for alternative in av[1]]
        if any(chars is None for chars, _ in firsts):
            return None, False
        return set().union(*(chars for chars, _ in firsts)), any(empty for _, empty in firsts)
    if op is sre.SUBPATTERN:
        return first_of(av[3])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        chars, empty = first_of(av[2])
        return chars, empty or av[0] == 0
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):  # zero width: the next item decides
        return set(), True
    return None, False


def first_characters(body: str, ignorecase: bool) -> set[str] | None:
    """The ASCII characters a match of `body` can start with; None when not known or when
    it can start with a space or a non-ASCII character (then the slow path takes it)."""
    if body[:1].isascii() and body[:1].isalnum() and body[1:2] not in ("?", "*", "+", "{"):
        chars = {body[0]}  # a plain first letter, as in most word lists: no need to parse
    else:
        try:
            chars, empty = first_of(sre_parse.parse(body, re.IGNORECASE if ignorecase else 0))
        except Exception:  # a parser we do not know: try the pattern at every word start
            return None
        if chars is None or empty or any(not c.isascii() or c.isspace() for c in chars):
            return None
    return set().union(*map(same_ignoring_case, chars)) if ignorecase else chars


@cache
def same_ignoring_case(char: str) -> frozenset[str]:
    return frozenset(c for c in ASCII if re.fullmatch("(?i)" + re.escape(char), c))


def capturing_groups(pattern: str) -> int:
    return sum(1 for i, c, _ in structure(pattern)
               if c == "(" and (not pattern.startswith("?", i + 1) or pattern.startswith("?P<", i + 1)))


def structure(pattern: str):
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


def top_alternatives(body: str) -> tuple[list[str], str]:
    """The top-level alternatives of a body `(?:a|b|...)rest`, and the rest; a body of
    another shape is one alternative with no rest."""
    alternatives, rest = [body], ""
    while len(alternatives) == 1 and alternatives[0].startswith("(?:"):
        group, inner, start = alternatives[0], [], 3
        for i, c, depth in structure(group):
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


_LETTERS_THEN_GROUP = re.compile(r"([A-Za-z]+)(\(\?:.*)")


def flat_alternatives(alternatives: list[str]) -> list[str]:
    """The alternatives, each that opens with letters and a group spread over that group's own
    alternatives: `a(?:b|c)d` becomes `abd`, `acd`, tried in the same order, so that those of
    them that are fixed strings can be told apart (`word_class` writes its lists that way)."""
    flat = []
    for alternative in alternatives:
        if opening := _LETTERS_THEN_GROUP.fullmatch(alternative):
            inner, rest = top_alternatives(opening[2])
            flat += [opening[1] + branch + rest for branch in inner]
        else:
            flat.append(alternative)
    return flat


class Alternatives:
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
            group += 1 + capturing_groups(body)
        self.pattern = "".join(parts)
        # Each group's pattern, None for groups inside a pattern: the match's groups, named.
        self.keys: tuple[str | None, ...] = tuple(dict(self.groups).get(i) for i in range(group - 1))

    @cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self.pattern)


MAX_BEGINNINGS = 64


def beginnings(items) -> tuple[set[str], bool]:
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
            options = [beginnings(alternative) for alternative in av[1]]
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group that sets no flags
            options = [beginnings(av[3])]
        else:
            return found, False
        longer = {b + more for b in found for beginnings, _ in options for more in beginnings}
        if len(longer) > MAX_BEGINNINGS:
            return found, False
        found = longer
        if not all(whole for _, whole in options):
            return found, False
    return found, True


def literal_beginnings(alternative: str, ignorecase: bool) -> set[str] | None:
    """Beginnings of two characters or more, one of which every match of `alternative`
    starts with; None when there are none such."""
    try:
        found, _ = beginnings(sre_parse.parse(alternative, re.IGNORECASE if ignorecase else 0))
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


def anywhere_needs(split: list[tuple[str, bool, list[tuple[str, set[str] | None]], str]]) -> list[tuple[str, bool]] | None:
    """What a text must hold for an alternative that can start with any character
    (`\\w{3,}iest`) to match in it: one of the literal beginnings of what follows its leading
    repeat ("iest"), each with whether case is ignored (then lower-cased). None when some such
    alternative has none, or there are none.

    Tried at every word start, those alternatives cost more than all the others together;
    a text without any of their literals is searched without them (`candidates_patterns`)."""
    literals = []
    for _, ignorecase, alts, rest in split:
        for alternative, first in alts:
            if first is not None:
                continue
            try:
                items = list(sre_parse.parse(alternative + rest, re.IGNORECASE if ignorecase else 0))
            except Exception:  # a parser we do not know: nothing known
                return None
            if items and items[0][0] in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                items = items[1:]
            found, _ = beginnings(items)
            if not all(len(b) >= 2 for b in found):
                return None
            literals += [(b.lower() if ignorecase else b, ignorecase) for b in sorted(found)]
    return literals or None


def candidates_patterns(split: list[tuple[str, bool, list[tuple[str, set[str] | None]], str]]) -> tuple[str, str]:
    """Two regular expressions for the word starts where some pattern may match, one character
    long: where an alternative that can start with any character matches, or one that can
    start with the (ASCII) character there, or at a non-ASCII character that an ASCII one
    matches when case is ignored. Finding them in one search leaves Python only the few word
    starts where something may match.

    An alternative with literal beginnings ("said", "says" for `sa(?:id|ys)\b`) is looked for
    by those alone, all of a character's in one trie: a word start they pass but the whole
    pattern does not is tried in vain, which costs less than trying every alternative at
    every word start. The second leaves out the alternatives that can start with any character
    (see `anywhere_needs`); both are worked out together, the costly part once."""
    def body(alternatives: list[str], rest: str, ignorecase: bool) -> str:
        joined = f"(?:{'|'.join(alternatives)}){rest}"
        return f"(?i:{joined})" if ignorecase else joined

    anywhere = [body(a, rest, i) for _, i, alts, rest in split
                if (a := [a for a, first in alts if first is None])]
    literal: dict[bool, set[str]] = {True: set(), False: set()}
    bodies_of: list[tuple[list[tuple[str, set[str]]], str, bool]] = []
    for _, ignorecase, alts, rest in split:
        whole = []
        for alternative, first in alts:
            if first is None:
                continue
            beginnings = literal_beginnings(alternative, ignorecase)
            if beginnings is None:
                whole.append((alternative, first))
            else:
                literal[ignorecase].update(beginnings)
        bodies_of.append((whole, rest, ignorecase))
    by_bodies: dict[tuple[str, ...], list[str]] = {}
    for c in ASCII:
        if not SPACE.match(c):
            bodies = [body(a, rest, i) for whole, rest, i in bodies_of
                      if (a := [a for a, first in whole if c in first])]
            cased = [b for b in literal[False] if b[0] == c]
            folded = [b for b in literal[True] if c in same_ignoring_case(b[0])]
            bodies += ([f"(?i:{trie(folded)})"] if folded else []) + ([trie(cased)] if cased else [])
            if bodies:
                by_bodies.setdefault(tuple(bodies), []).append(c)
    branches = [f"[{''.join(map(re.escape, chars))}](?<=(?=(?:{'|'.join(bodies)}))(?s:.))"
                for bodies, chars in by_bodies.items()] + [f"[{CASE_FOLDS_TO_ASCII}]"]
    first = [f"(?=(?:{'|'.join(anywhere)}))\\S"] if anywhere else []
    return tuple(WORD_START + "(?:" + "|".join(some) + ")" for some in (first + branches, branches))

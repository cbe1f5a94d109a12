"""What the voice model sees of a sentence: its quotation marks and attribution cues, a few
words that mark who speaks, its place in its paragraph, and the same of its neighbours.

Whose claim a sentence makes often shows only around it: a quotation that runs on from the
sentence before, "he added" in the next one. Features are therefore worked out for a whole
article at once, and so is the state carried from line to line through a block quotation
(`framing.text.quote_state`). They must cost little beside scoring: patterns are compiled
once, words are looked up in sets after one tokenization, and the costlier patterns run only
on sentences with a verb of saying. Every feature stands for a category of
../shared/ANNOTATION.md's `voice` field, never for one sentence; those that did not help on
the news dev split were left out (a colon-ended line above, source nouns, finding verbs,
neighbours' cues within the paragraph; an unclosed quotation carried over paragraphs,
transcript speaker turns, bracketed editing in a quotation, each verb of saying by name; and,
measured by cross-validation grouped by article over the train split (`training.voice.grouped_cv`)
and on dev: the cues of the sentences two away, no gain beside the counts of `_surroundings`; the
document's share of first-person lines; more verbs of saying and of complaint; speaker turns in
transcripts again, which cost dev 0.04, its transcripts labelling an interviewer differently).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from functools import cache

from ..pipeline.document import Sentence
from .cues import REPORT_VERBS
from .pattern_parts import trie
from .quote_state import block_runs

_OPEN_MARKS = "\u201c\u00ab\u201e"
_CLOSE_MARKS = "\u201d\u00bb"
_ANY_DOUBLE = '"' + _OPEN_MARKS + _CLOSE_MARKS
_QUOTE_CHARS = _ANY_DOUBLE + "'\u2018\u2019"
# Words are looked up in sets (one tokenization per sentence): far cheaper than a regular
# expression of alternatives tried at every position.
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
REPORTING = frozenset(REPORT_VERBS.split("|")) | {"told", "tells", "asked", "asks", "wondered", "joked",
                                                  "quipped", "recounted"}
# The verbs as a trie: the same words matched, one branch tried per letter instead of every
# verb at every position (the patterns below are only ever asked whether they match).
_RV = "(?:" + trie(sorted(REPORTING)) + ")"
_PRONOUN_RV = re.compile(rf"\b(?:he|she|they|it|we|I)\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?"
                         rf"{_RV}\b", re.I)
# "..., he said." / "... said Smith." at the very end of the sentence, or a cue opening it;
# searched in the sentence's last (first) characters only.
_FINAL_ATTR = re.compile(rf"[,\u201d\"'\u2019]\s*(?:[\w.'\u2019-]+\s+){{0,5}}{_RV}(?:\s+[\w.'\u2019,-]+){{0,8}}"
                         r"\s*[.!?]?\s*$")
_FINAL_SAID_X = re.compile(rf"\b{_RV}\s+(?:[A-Z][\w.'\u2019-]*\s*)+[.!?]?\s*$")
_INITIAL_ATTR = re.compile(rf"^\W*(?:[\w.'\u2019-]+\s+){{0,6}}{_RV}\b")
_THAT_CLAUSE = re.compile(rf"\b{_RV}\s+(?:[\w']+\s+){{0,3}}that\b", re.I)
TAIL, HEAD = 200, 120
# "I", "me", "my", "mine", "we", "us", "our", "ours" ("I'm", "we've" and the like hold them) as
# words. Each begins with its first letter, not with \b: the regex engine then tries it only
# where that letter stands, instead of at every character.
_FIRST_PERSON = re.compile(r"(?:I(?<!\wI)|m(?<!\wm)(?:e|y|ine)|w(?<!\ww)e|u(?<!\wu)s|o(?<!\wo)urs?)\b")
_SECOND_PERSON = frozenset({"you", "your", "you're", "yours"})
_TWEET = re.compile(r"@\w|#\w|pic\.twitter|https?://")
_COLON_QUOTE = re.compile(rf":\s*[{_ANY_DOUBLE}']")
_SPEAKER_LABEL = re.compile(r"^\W{0,2}(?:[A-Z][\w.'\u2019-]*\s?){1,4}:\s")  # "MURRAY: ...", "Q: ..."
_COLON_LINE_END = re.compile(r":[ \t]*\n")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_ENDS_WITH_MARK = re.compile(rf"[{_ANY_DOUBLE}\u2019'][.!?]?$")
# The cue's place in the clause: a noun ("the claim that"), an infinitive ("is said to"), a
# subordinate clause ("which NASA says"), a passive ("was reported").
_CUE_AS_NOUN = re.compile(r"\b(?:the|a|an|this|that|his|her|their|its|our|my)\s*$")
_CUE_SUBORDINATE = re.compile(r"\b(?:which|who|whom|when|whose|where|as|if|because|after|before|while|what"
                              r"|those|that)\s+(?:[^\s,]+\s+){0,2}$")  # a comma closes the clause
_CUE_PASSIVE = re.compile(r"\b(?:is|was|are|were|be|been)\s*$")
_CUE_THEN_TO = re.compile(r"\s+to\b")
# A small closed set of words that mark who speaks (pronouns, reporting words, modals).
SMALL_VOCAB = frozenset("""
i me my we us our you your he him his she her they them their it its
said says say told tells added asked according claims claimed claim argued argue believes believe
think thinks thought wrote writes reported reports announced statement interview tweeted tweet posted
warned warn noted explained insisted stressed suggested called calls described accused denied
allegedly reportedly apparently that if would could should will may might must
not no never do don't can't won't didn't isn't it's i'm we're that's there's
this these those here there what why how who when
spokesman spokeswoman spokesperson official officials sources source report study
press conference continued
""".split())

# Features a sentence lends its neighbours (by name or name prefix).
CONTEXT_KEYS = ("quoted_share", "qs_bin=", "rule=", "attr=", "attr_pos=", "starts_with_quote", "ends_with_quote",
                "open_without_close", "close_without_open", "has_double_marks", "quote_runs_in",
                "quote_runs_on", "pronoun_rv", "final_attr", "final_said_x", "initial_attr", "ends_colon",
                "first_person_outside", "tweet_marker", "rv_outside", "that_clause", "according_to", "kind=",
                "speaker_label", "short_colon_line", "second_person", "block_run=", "double_single_marks")
# The paragraph layout's features (`voice_features`): where a text's paragraphs are not its
# writer's (MPQA's sentences, rebuilt one a paragraph), they say nothing of its voice.
PARAGRAPH_FEATURES = ("para_first", "para_last", "para_single", "prev1:same_para", "next1:same_para")
_SHARE_BINS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9)
# How many of the sentences up to WINDOW away on either side are quoted, attributed, or in the
# first person: a quotation or a report that runs on for several sentences, a source named two
# or three sentences away, a letter or a statement reprinted at length.
WINDOW = 3
_QUOTED_MARKERS = ("quote_runs_in", "quote_runs_on")
_ATTRIBUTED_MARKERS = ("n_attr", "final_attr", "final_said_x", "pronoun_rv", "according_to")  # n_attr: any cue


def _share_bin(share: float) -> str:
    return next((f"{edge:.1f}" for edge in _SHARE_BINS if share <= edge), "1.0")


@cache
def _word_feature(word: str) -> str:
    return f"w={word}"


@cache
def _lent_as(key: str) -> tuple[str, str] | None:
    """A feature's names as the sentence after it and the one before it see it; None for a
    feature a sentence does not lend. Worked out once per name: features have a few hundred."""
    return (f"prev1:{key}", f"next1:{key}") if key.startswith(CONTEXT_KEYS) else None


def _marks(s: str, f: dict[str, float]) -> None:
    """The sentence's quotation marks: where they stand, and whether they balance."""
    opens = sum(map(s.count, _OPEN_MARKS))
    closes = sum(map(s.count, _CLOSE_MARKS))
    straight = s.count('"')
    first = s[:1]
    core = s.rstrip(".!?,;: ")
    marks = opens + closes + straight
    flags = {"starts_with_quote": first in _ANY_DOUBLE or (first in "'\u2018" and s[1:2].isalpha()),
             "ends_with_quote": bool(core) and core[-1] in _QUOTE_CHARS,
             # A match of at most two characters at the end: found in the last three.
             "ends_mark_then_punct": _ENDS_WITH_MARK.search(s[-3:]),
             "open_without_close": opens > closes or (straight % 2 == 1 and first == '"'),
             "close_without_open": closes > opens or (straight % 2 == 1 and first != '"'),
             "has_double_marks": marks > 0,
             # Quotation marks typed as two apostrophes or backquotes (``like this''), which the
             # quotation finder does not read as marks.
             "double_single_marks": "''" in s or "``" in s}
    f.update(dict.fromkeys([name for name, hit in flags.items() if hit], 1.0))
    if marks:
        f["n_marks"] = float(min(marks, 6))


def _cue_syntax(sentence: Sentence, f: dict[str, float]) -> None:
    """Where each attribution cue stands, and whether it is the main clause's verb of saying."""
    s, n = sentence.text, max(len(sentence.text), 1)
    for a in sentence.attributions:
        f[f"attr={a.kind}"] = 1.0
        lo, hi = a.start - sentence.start, a.end - sentence.start
        left = s[max(0, lo - 30):lo].lower()
        if _CUE_THEN_TO.match(s, hi):
            f["cue_then_to"] = 1.0
        if a.kind == "report_verb" and _CUE_AS_NOUN.search(left):
            f["cue_as_noun"] = 1.0
        if _CUE_SUBORDINATE.search(left):
            f["cue_subordinate"] = 1.0
        if _CUE_PASSIVE.search(left):
            f["cue_passive"] = 1.0
        rel = lo / n
        f["attr_pos=" + ("initial" if rel < 0.25 else "final" if rel > 0.6 else "middle")] = 1.0
        inside = any(q.start <= a.start and a.end <= q.end for q in sentence.quotes)
        f["attr_inside_quote" if inside else "attr_outside_quote"] = 1.0
    if sentence.attributions:
        f["n_attr"] = float(min(len(sentence.attributions), 3))


def _outside_quotes(sentence: Sentence) -> str:
    """The writer's own words: the sentence with its quotations blanked out."""
    s = sentence.text
    for q in reversed(sentence.quotes):
        a, b = q.start - sentence.start, q.end - sentence.start
        s = s[:a] + " " + s[b:]
    return s


def _words(text: str) -> set[str]:
    return set(_TOKEN.findall(text.lower().replace("\u2019", "'")))


def sentence_features(sentence: Sentence) -> dict[str, float]:
    """What one sentence shows on its own (features that are 0 are left out)."""
    s = sentence.text
    f: dict[str, float] = {}
    share = sentence.quoted_share
    if share:
        f["quoted_share"] = share
    f[f"qs_bin={_share_bin(share)}"] = 1.0
    f[f"rule={sentence.rule_voice_at(share)}"] = 1.0
    f[f"kind={sentence.kind}"] = 1.0
    _cue_syntax(sentence, f)
    _marks(s, f)
    quotes = sentence.quotes
    # A quotation running in from the sentence before, or on into the next: its span is cut
    # at the sentence's edge where no quotation mark stands.
    if quotes and quotes[0].start == sentence.start and s[0] not in _QUOTE_CHARS:
        f["quote_runs_in"] = 1.0
    if quotes and quotes[-1].end == sentence.end and s[-1] not in _QUOTE_CHARS:
        f["quote_runs_on"] = 1.0
    outside = _outside_quotes(sentence) if quotes else s
    words = _words(outside)
    if REPORTING.isdisjoint(words if not quotes else _words(s)):
        pass  # the patterns below all need a verb of saying
    else:
        f["rv_anywhere"] = 1.0
        flags = {"final_attr": _FINAL_ATTR.search(s[-TAIL:]), "final_said_x": _FINAL_SAID_X.search(s[-TAIL:]),
                 "initial_attr": _INITIAL_ATTR.search(s[:HEAD])}
        if not REPORTING.isdisjoint(words):
            flags.update(rv_outside=True, pronoun_rv=_PRONOUN_RV.search(outside),
                         that_clause="that" in words and _THAT_CLAUSE.search(outside))
        f.update((name, 1.0) for name, hit in flags.items() if hit)
    flags = {"according_to": "according" in words and "according to" in outside.lower(),
             "first_person_outside": _FIRST_PERSON.search(outside),
             "first_person_any": quotes and _FIRST_PERSON.search(s),
             "second_person": not _SECOND_PERSON.isdisjoint(words),
             "tweet_marker": _TWEET.search(s)}
    if ":" in s:
        flags.update(has_colon=True, colon_quote=_COLON_QUOTE.search(s), speaker_label=_SPEAKER_LABEL.match(s),
                     ends_colon=s.endswith(":"), short_colon_line=s.endswith(":") and len(s) < 40,
                     colon_inside=_COLON_LINE_END.search(s))
    tail = s.rstrip(" \"'\u201d\u2019")
    flags.update(question=tail.endswith("?"), exclaim=tail.endswith("!"))
    f.update(dict.fromkeys([name for name, hit in flags.items() if hit], 1.0))
    if f.get("first_person_outside"):
        f["first_person_any"] = 1.0
    f["log_len"] = math.log1p(len(s)) / 6
    # sorted: the same sums in every process
    f.update(dict.fromkeys(map(_word_feature, sorted(words & SMALL_VOCAB)), 1.0))
    return f


def _paragraph_positions(text: str, sentences: list[Sentence]) -> list[tuple[int, int, int]]:
    """Each sentence's paragraph, its place in it, and the paragraph's number of sentences."""
    starts = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    paragraphs = [bisect_right(starts, s.start) for s in sentences]
    counts, seen, positions = Counter(paragraphs), Counter(), []
    for p in paragraphs:
        positions.append((p, seen[p], counts[p]))
        seen[p] += 1
    return positions


def _lent(f: dict[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """What a sentence lends its neighbours, named as the one after it sees it ("prev1:...")
    and as the one before it does ("next1:...")."""
    lent = [(names, v) for k, v in f.items() if (names := _lent_as(k))]
    return {prev: v for (prev, _), v in lent}, {after: v for (_, after), v in lent}


def _count_bin(count: int) -> str:
    return "0" if count == 0 else "1" if count == 1 else "2+"


def _surroundings(base: list[dict[str, float]]) -> list[dict[str, float]]:
    """Each sentence's `near_<kind>=<count>` for the sentences around it (itself left out)."""
    kinds = {"quoted": [f.get("quoted_share", 0.0) > 0.5 or any(k in f for k in _QUOTED_MARKERS) for f in base],
             "attributed": [any(k in f for k in _ATTRIBUTED_MARKERS) for f in base],
             "first_person": ["first_person_outside" in f for f in base]}
    out = []
    for i in range(len(base)):
        lo, hi = max(0, i - WINDOW), i + WINDOW + 1
        out.append({f"near_{kind}={_count_bin(sum(flags[lo:hi]) - flags[i])}": 1.0 for kind, flags in kinds.items()})
    return out


def voice_features(text: str, sentences: list[Sentence]) -> list[dict[str, float]]:
    """Features of each scored sentence of an article (in order): its own, its place in its
    paragraph and in a block quotation, its neighbours' (one each side), and how many of the
    sentences around it are quoted, attributed or in the first person."""
    scored = [s for s in sentences if s.scored]
    base = [sentence_features(s) for s in scored]
    for own, state in zip(base, block_runs(text, scored)):
        own.update(state)
    lent = [_lent(f) for f in base]
    around = _surroundings(base)
    positions = _paragraph_positions(text, scored)
    out = []
    for i, own in enumerate(base):
        f = dict(own)
        f.update(around[i])
        paragraph, position, size = positions[i]
        f.update((name, 1.0) for name, hit in (("para_first", position == 0), ("para_last", position == size - 1),
                                               ("para_single", size == 1), ("doc_first", i == 0)) if hit)
        for j, tag, side in ((i - 1, "prev1", 0), (i + 1, "next1", 1)):
            if not 0 <= j < len(base):
                f[f"{tag}:none"] = 1.0
                continue
            if positions[j][0] == paragraph:
                f[f"{tag}:same_para"] = 1.0
            f.update(lent[j][side])
        out.append(f)
    return out

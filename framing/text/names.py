"""Who is named: people, parties, countries, nationalities, religions and ethnic groups.

A verdict about wording must not move with who a sentence names, and a name is never
loaded by itself (../shared/ANNOTATION.md). The word features therefore see every name as
one placeholder token: capitalized words inside a sentence (proper nouns), and the group
words below wherever they stand (datasets lower-case some text, and a sentence may open
with a name). Swapping one name for another leaves the features unchanged.
"""
from __future__ import annotations

PLACEHOLDER = "_name_"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Group words, lower-cased; plurals listed where English adds more than the tokenizer sees.
GROUPS = _words("""
democrat democrats democratic republican republicans gop tory tories labour libdems
conservatives liberals dems reps
muslim muslims christian christians jew jews jewish islam islamic catholic catholics
protestant protestants hindu hindus hinduism sikh sikhs buddhist buddhists mormon mormons
evangelical evangelicals orthodox sunni sunnis shia shiite shiites atheist atheists
arab arabs latino latinos latina latinas hispanic hispanics asian asians african africans
palestinian palestinians israeli israelis iranian iranians iraqi iraqis syrian syrians
afghan afghans pakistani pakistanis indian indians chinese russian russians ukrainian
ukrainians american americans mexican mexicans british french german germans european
europeans turkish turks kurd kurds kurdish saudi saudis egyptian egyptians lebanese yemeni
yemenis korean koreans japanese venezuelan venezuelans cuban cubans canadian canadians
somali somalis nigerian nigerians polish italian italians spanish irish scottish english
hamas hezbollah fatah taliban isis
israel iran iraq syria afghanistan pakistan india china russia ukraine america usa us uk
britain england france germany europe turkey saudi egypt lebanon yemen korea japan
venezuela cuba canada mexico somalia nigeria poland italy spain ireland scotland gaza
palestine washington moscow beijing tehran jerusalem london brussels
""")

# Names of people often in the news, for sentences that open with one.
PEOPLE = _words("""
trump obama biden clinton bush reagan carter sanders warren pelosi mcconnell schumer
netanyahu putin xi zelensky erdogan khamenei rouhani assad kim merkel macron johnson
may corbyn trudeau modi bolsonaro maduro castro francis pence harris desantis cruz
""")

# Capitalized words that are not names: the pronoun I, titles and sentence-opening words.
_NOT_NAMES = _words("""
i i'm i've i'd i'll
""")


def listed(word: str) -> bool:
    base = word.removesuffix("'s").removesuffix("\u2019s")
    return base in GROUPS or base in PEOPLE


def is_name(word: str, original: str, first: bool) -> bool:
    """`word` is a token lower-cased, `original` as written; `first` when it opens the sentence."""
    if listed(word):
        return True
    return not first and original[:1].isupper() and word not in _NOT_NAMES


def masked(text: str, toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """`toks` with every name replaced by the placeholder, inside hyphenated words too
    ("anti-Israel" becomes "anti-_name_"). In a headline in title case, where nearly every
    word is capitalized, only the listed names count."""
    capitals = [text[start].isupper() for _, start, _ in toks]
    title_case = len(toks) > 3 and sum(capitals) > 0.6 * len(toks)
    out = []
    for i, (word, start, end) in enumerate(toks):
        if "-" not in word:  # the common case, kept fast: this runs for every word scored
            name = listed(word) if title_case else (listed(word) or (
                i > 0 and capitals[i] and word not in _NOT_NAMES))
            out.append((PLACEHOLDER, start, end) if name else (word, start, end))
            continue
        parts, originals = word.split("-"), text[start:end].split("-")
        if len(parts) != len(originals):  # the tokenizer changed the word: judge it whole
            parts, originals = [word], [text[start:end]]
        kept = [PLACEHOLDER if (listed(part) if title_case else is_name(part, original, i == 0 and j == 0))
                else part for j, (part, original) in enumerate(zip(parts, originals))]
        out.append(("-".join(kept), start, end))
    return out

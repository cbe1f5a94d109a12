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


_LISTED = GROUPS | PEOPLE
# Each listed word as written and with a possessive taken off as `listed` takes it off ("'s",
# then "\u2019s"): one set lookup per word.
_LISTED_FORMS = frozenset(word + ending for word in _LISTED for ending in ("", "'s", "\u2019s", "\u2019s's"))


def listed(word: str) -> bool:
    """Whether `word` (lower-cased), its possessive ending taken off, is a listed name."""
    return word in _LISTED_FORMS


def is_name(word: str, original: str, first: bool) -> bool:
    """`word` is a token lower-cased, `original` as written; `first` when it opens the sentence."""
    if listed(word):
        return True
    return not first and original[:1].isupper() and word not in _NOT_NAMES


def masked(text: str, toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """`toks` with every name replaced by the placeholder (see `mask_words`)."""
    words = mask_words([word for word, _, _ in toks], [text[start:end] for _, start, end in toks])
    return [(word, start, end) for word, (_, start, end) in zip(words, toks)]


def mask_words(words: list[str], originals: list[str]) -> list[str]:
    """`words` (lower-cased tokens; `originals` as written) with every name replaced by the
    placeholder, inside hyphenated words too ("anti-Israel" becomes "anti-_name_"). In a
    headline in title case, where nearly every word is capitalized, only the listed names count."""
    capitals = [original[:1].isupper() for original in originals]
    title_case = len(words) > 3 and sum(capitals) > 0.6 * len(words)
    # Every word judged whole first, in one pass (this runs for every word scored); the first
    # word is a name only if listed. Hyphenated words, rare, are judged again part by part.
    if title_case:
        out = [PLACEHOLDER if word in _LISTED_FORMS else word for word in words]
    else:
        out = [PLACEHOLDER if word in _LISTED_FORMS or (capital and word not in _NOT_NAMES) else word
               for word, capital in zip(words, capitals)]
        if out and not listed(words[0]):
            out[0] = words[0]
    if "-" not in "".join(words):
        return out
    for i, (word, original) in enumerate(zip(words, originals)):
        if "-" in word:
            parts, pieces = word.split("-"), original.split("-")
            if len(parts) != len(pieces):  # the tokenizer changed the word: judge it whole
                parts, pieces = [word], [original]
            out[i] = "-".join(PLACEHOLDER if (listed(part) if title_case else is_name(part, piece, i == 0 and j == 0))
                              else part for j, (part, piece) in enumerate(zip(parts, pieces)))
    return out

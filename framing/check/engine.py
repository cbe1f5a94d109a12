"""Check drafts: read each file, score its prose, and turn verdicts into findings.

`check_text` checks one text from Python; `check_paths` checks files with the configuration
that governs each. Findings hold offsets into the original file; line and column are worked
out only when a format prints them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..dimensions.speculative import cue_kind
from ..errors import InputError
from ..pipeline.document import Document, Sentence, Span
from ..reading.decoding import decode
from ..reading.files import format_of, open_binary, read_bytes
from .config import Settings, find_config
from .rules import LOADED_RULES, RULES, SEVERITIES, SPECULATION_RULES, matches
from .source import ALL_RULES, MappedText, line_column, mapped_text, suppressions

CONTEXT_KINDS = ("attributed", "quoted")  # triggers that mark who speaks, not what is said
SHOWN_TERMS = 3
_JOINER = re.compile(r"[\s,]*(?:(?:and|or)\s+)?", re.I)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    start: int  # offsets into the original file's text
    end: int
    probability: float

    @property
    def name(self) -> str:
        return RULES[self.rule].name


@dataclass
class CheckedFile:
    """One checked file: its original text (for positions) and its findings, in file order."""

    path: str
    text: str
    findings: list[Finding] = field(default_factory=list)
    settings: Settings = Settings()

    @property
    def failed(self) -> bool:
        """Whether a finding reaches the severity that fails the check (`fail-on`)."""
        return reaches(self.findings, self.settings.fail_on)

    def position(self, offset: int) -> tuple[int, int]:
        return line_column(self.text, offset)


def _terms(triggers: Iterable[Span], text: str, allow: frozenset[str]) -> list[tuple[int, int]]:
    """The strongest trigger words as (start, end) spans in text order, words next to each
    other ("brutal and devastating") joined into one phrase; allowed terms left out."""
    chosen = [t for t in triggers if t.kind not in CONTEXT_KINDS and t.weight > 0
              and " ".join(t.text.lower().split()) not in allow]
    strongest = sorted(sorted(chosen, key=lambda t: -t.weight)[:SHOWN_TERMS], key=lambda t: t.start)
    phrases: list[list[int]] = []
    for t in strongest:
        if phrases and t.start >= phrases[-1][1] and _JOINER.fullmatch(text[phrases[-1][1]:t.start]):
            phrases[-1][1] = max(phrases[-1][1], t.end)
        elif not phrases or t.start >= phrases[-1][1]:
            phrases.append([t.start, t.end])
    return [(s, e) for s, e in phrases]


def sentence_findings(sentence: Sentence, previous: Sentence | None, text: str,
                      settings: Settings) -> Iterator[tuple[str, int, int, float, str]]:
    """(rule, start, end, probability, message) for one scored sentence; offsets into `text`."""
    voice = sentence.voice
    if voice == "quoted" and not settings.include_quoted:
        return
    verdicts = sentence.verdicts

    def quoted(spans: list[tuple[int, int]]) -> str:
        return ", ".join(f'"{" ".join(text[s:e].split())}"' for s, e in spans)

    loaded = verdicts.get("loaded")
    if loaded and loaded.positive:
        by_voice: dict[str, list[Span]] = {}
        for t in loaded.triggers:
            by_voice.setdefault("quoted" if t.quoted else voice, []).append(t)
        for where, triggers in by_voice.items():
            if where == "quoted" and not settings.include_quoted:
                continue
            terms = _terms(triggers, text, settings.allow)
            if terms:
                rule = LOADED_RULES[where]
                yield rule, terms[0][0], terms[-1][1], loaded.probability, \
                    f"loaded language {quoted(terms)} ({loaded.probability:.2f})"
    opinion = verdicts.get("opinion")
    if opinion and opinion.positive and voice == "writer":
        terms = _terms(opinion.triggers, text, settings.allow)
        if terms:
            yield "FR201", terms[0][0], terms[-1][1], opinion.probability, \
                f"the writer's opinion {quoted(terms)} ({opinion.probability:.2f})"
    speculative = verdicts.get("speculative")
    if not (speculative and speculative.positive):
        return
    for kind in speculative.kinds:
        triggers = [t for t in speculative.triggers if cue_kind(t.kind) == kind]
        terms = _terms(triggers or speculative.triggers, text, settings.allow)
        if not terms or kind not in SPECULATION_RULES:
            continue
        yield SPECULATION_RULES[kind], terms[0][0], terms[-1][1], speculative.probability, \
            f"{kind} speculation {quoted(terms)} ({speculative.probability:.2f})"
    sourced = voice != "writer" or (previous is not None and previous.attributions)
    if not sourced and _terms(speculative.triggers, text, settings.allow):
        yield "FR401", sentence.start, sentence.end, speculative.probability, \
            f"speculation without a source: say whose it is ({speculative.probability:.2f})"


def _same_paragraph(text: str, previous: Sentence, sentence: Sentence) -> bool:
    return "\n\n" not in text[previous.end:sentence.start].replace(" ", "").replace("\t", "")


def document_findings(document: Document, settings: Settings) -> Iterator[tuple[str, int, int, float, str]]:
    """Findings of a scored document, offsets into its text."""
    previous = None
    for sentence in document.sentences:
        if not sentence.scored:
            continue
        before = previous if previous is not None and _same_paragraph(document.text, previous, sentence) else None
        yield from sentence_findings(sentence, before, document.text, settings)
        previous = sentence


def _selected(rule: str, settings: Settings) -> bool:
    return matches(rule, settings.select) and not matches(rule, settings.ignore)


def check_text(text: str, fmt: str = "txt", settings: Settings = Settings(), path: str = "<text>",
               models_dir: str | None = None) -> CheckedFile:
    """Check one draft's text (`fmt` "md", "html" or "txt"): its findings, in file order."""
    from ..pipeline.scoring import analyze

    prose: MappedText = mapped_text(text, fmt)
    checked = CheckedFile(path, text, settings=settings)
    if not prose.text.strip():
        return checked
    document = analyze(Document(text=prose.text, source=path, format=fmt), models_dir, settings.thresholds)
    silenced = suppressions(text) if fmt in ("md", "html") else {}
    for rule, start, end, probability, message in document_findings(document, settings):
        if not _selected(rule, settings):
            continue
        begin, finish = prose.to_original(start), prose.to_original(end - 1) + 1
        line = line_column(text, begin)[0]
        if matches(rule, silenced.get(line, ())) or ALL_RULES in silenced.get(line, ()):
            continue
        checked.findings.append(Finding(rule, settings.severity_of(rule), message, begin, finish, probability))
    checked.findings.sort(key=lambda f: (f.start, f.rule))
    return checked


def check_file(path: str, settings: Settings | None = None, base: Settings = Settings(),
               models_dir: str | None = None) -> CheckedFile:
    """Check one file with `settings`, or with the configuration found above it applied to `base`."""
    source = "<stdin>" if path == "-" else path
    text, _ = decode(read_bytes(open_binary(path), source), source)
    if settings is None:
        settings = find_config(path).settings_for(path, base)
    fmt = format_of(path, text[:64].encode())
    # A draft piped in is prose: HTML when it looks like it, else text (never a JSON collection).
    return check_text(text, fmt if path != "-" or fmt == "html" else "txt", settings, source, models_dir)


def check_paths(paths: Iterable[str], base: Settings = Settings(), models_dir: str | None = None,
                overrides: dict | None = None) -> Iterator[CheckedFile | InputError]:
    """Check files; folders are walked for Markdown, HTML and text files. An unreadable file
    is yielded as its `InputError` and the rest are still checked. `overrides` (the command
    line's settings, as configuration keys) apply after each file's configuration."""
    from .config import apply

    for path in _files(paths):
        try:
            settings = find_config(path).settings_for(path, base)
            if overrides:
                settings = apply(settings, overrides, None, "command line: ")
            yield check_file(path, settings, models_dir=models_dir)
        except InputError as exc:
            yield exc


CHECKED_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".txt", ".text")


def _files(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        if path != "-" and Path(path).is_dir():
            yield from sorted(str(p) for p in Path(path).rglob("*")
                              if p.is_file() and p.suffix.lower() in CHECKED_SUFFIXES
                              and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            yield path


@dataclass
class CheckRun:
    """All files checked in one run, and the inputs that could not be read."""

    files: list[CheckedFile]
    errors: list[InputError]

    @property
    def failed(self) -> bool:
        return any(checked.failed for checked in self.files)


def run_check(paths: Iterable[str], overrides: dict | None = None, models_dir: str | None = None) -> CheckRun:
    """Check every file; the command line's `overrides` win over each file's configuration."""
    files, errors = [], []
    for item in check_paths(paths, overrides=overrides, models_dir=models_dir):
        (errors if isinstance(item, InputError) else files).append(item)
    return CheckRun(files, errors)


def reaches(findings: Iterable[Finding], fail_on: str) -> bool:
    """Whether any finding is at least as severe as `fail_on` ("never": none ever is)."""
    if fail_on == "never":
        return False
    limit = SEVERITIES.index(fail_on)
    return any(SEVERITIES.index(f.severity) <= limit for f in findings)

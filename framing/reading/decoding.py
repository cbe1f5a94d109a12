"""Bytes to text: which encoding a file is in, and whether it is text at all.

Accepted: UTF-8 with or without a BOM, UTF-16 with a BOM or, recognized by its zero bytes,
without one. UTF-8 with a few bad bytes (a character cut off at the end, a stray byte among
many good characters) is read as UTF-8, the bad bytes replaced, with a warning. Anything
else that is not binary is read as Windows-1252 (Latin-1 for the five bytes cp1252 leaves
undefined), with a warning, since that is what such files almost always are.
"""
from __future__ import annotations

import codecs

from ..errors import InputError

_LATIN1_FALLBACK = "framing-latin-1"
# The five bytes cp1252 leaves undefined decode as Latin-1 would.
codecs.register_error(_LATIN1_FALLBACK, lambda e: (e.object[e.start:e.end].decode("latin-1"), e.end))

SNIFF = 8192
# File types that are never text, by their first bytes.
MAGIC = {b"%PDF-": "a PDF document", b"\x89PNG": "a PNG image", b"PK\x03\x04": "a zip archive",
         b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image", b"\x1f\x8b": "a gzip archive",
         b"\x7fELF": "an executable", b"\xd0\xcf\x11\xe0": "an Office document", b"BZh": "a bzip2 archive",
         b"\xfd7zXZ": "an xz archive", b"7z\xbc\xaf": "a 7-zip archive", b"Rar!": "a RAR archive",
         b"\x00\x00\x01\x00": "an icon", b"OggS": "an Ogg file", b"ID3": "an MP3 file", b"RIFF": "a RIFF file"}
# Control characters other than tab, newline, form feed and carriage return.
CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when every other byte is zero, as in UTF-16 English text."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def binary_kind(head: bytes) -> str | None:
    """What a file is when it is not text, judged from its first bytes; None for text."""
    for magic, kind in MAGIC.items():
        if head.startswith(magic):
            return kind
    if b"\x00" in head:
        return "binary data"
    if head and sum(head.count(c) for c in CONTROL) > 0.05 * len(head):
        return "binary data"
    return None


def _replaced(data: bytes, text: str) -> int:
    """How many bad sequences decoding `data` with replacement put U+FFFD in place of."""
    return text.count("\ufffd") - data.count("\ufffd".encode())


def _mostly_utf8(data: bytes, text: str, first: UnicodeDecodeError) -> bool:
    """Whether `data`, which is not valid UTF-8, is UTF-8 with a few bad bytes (`text` is it
    decoded with replacement): its valid multi-byte characters outnumber its bad sequences,
    or its only flaw is a multi-byte character cut off at the end. Windows-1252 text almost
    never holds a valid UTF-8 sequence."""
    bad = _replaced(data, text)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii - bad > bad:
        return True
    cut_off = data[first.start:]
    return bad == 1 and first.reason == "unexpected end of data" and len(cut_off) > 1


def _utf8_with_replacement(data: bytes, start: int = 0) -> tuple[str, str | None]:
    """`data[start:]` with each bad sequence replaced by U+FFFD, and a warning if there were any."""
    text = data[start:].decode("utf-8", errors="replace")
    try:
        data[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = _replaced(data[start:], text)
        return text, (f"not valid UTF-8 ({bad} bad sequence{'s' if bad != 1 else ''}, the first at byte "
                      f"{start + exc.start}); read as UTF-8, the bad bytes replaced by U+FFFD")
    return text, None


def decode(data: bytes, source: str) -> tuple[str, str | None]:
    """The text of `data`, newlines normalized, and a warning when the encoding was a guess."""
    head = data[:SNIFF]
    warning = None
    if data.startswith(b"\xef\xbb\xbf"):
        text, warning = _utf8_with_replacement(data, 3)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(head):
        encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(head)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(source, f"invalid UTF-16 text ({exc.reason})") from None
        if encoding != "utf-16":
            warning = f"no byte-order mark; read as {encoding.upper()}"
    else:
        kind = binary_kind(head)
        if kind:
            raise InputError(source, f"{kind}, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text, warning = _utf8_with_replacement(data)
            if not _mostly_utf8(data, text, exc):
                warning = f"not valid UTF-8 (byte {exc.start}); read as Windows-1252"
                text = data.decode("cp1252", errors=_LATIN1_FALLBACK)
    return text.replace("\r\n", "\n").replace("\r", "\n"), warning

"""Strict RFC 4180 tokenizer (pinned rule 4 of input-format.md), on bytes.

Working on bytes lets the structural check (malformed_row) come before the
encoding check (invalid_encoding), as rule 1 orders them: the structural
characters (`"`, `,`, `;`, CR, LF) are ASCII and never occur inside a UTF-8
multi-byte sequence.
"""
from __future__ import annotations

from dataclasses import dataclass, field

QUOTE = 0x22
LF = 0x0A
CR = 0x0D


@dataclass
class Record:
    line: int                 # physical line of the record's first line (1-based)
    nlines: int               # physical lines spanned
    raw: bytes                # raw bytes of the record, without its terminator
    fields: list = field(default_factory=list)       # list[bytes] (unquoted content)
    spans: list = field(default_factory=list)        # list[(start, end)] raw token spans, relative to raw
    error: str | None = None  # reason text when structurally malformed


class FileError(Exception):
    """A problem that fails the whole run."""


def decode_container(data: bytes) -> tuple[bytes, str]:
    """Strip BOMs; UTF-16 (with BOM) is decoded and re-encoded as UTF-8.

    Returns (utf8-ish bytes, encoding label)."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise FileError(f"invalid UTF-16: {e}")
        if text.startswith("\ufeff"):
            text = text[1:]
        return text.encode("utf-8", "surrogatepass"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:], "utf-8-bom"
    return data, "utf-8"


def _is_blank_at(data: bytes, i: int, n: int) -> int:
    """If a blank line (empty, or only CR) starts at i, return its length incl. LF; else 0."""
    if data[i] == LF:
        return 1
    if data[i] == CR:
        if i + 1 < n and data[i + 1] == LF:
            return 2
        if i + 1 == n:
            return 1
    return 0


def first_line(data: bytes) -> bytes:
    """First non-blank physical line (used to choose the delimiter)."""
    for ln in data.split(b"\n"):
        if ln.rstrip(b"\r") != b"":
            return ln.rstrip(b"\r")
    return b""


def choose_delimiter(data: bytes) -> int:
    hdr = first_line(data)
    if b";" in hdr and b"," not in hdr:
        return ord(";")
    return ord(",")


def tokenize(data: bytes, delim: int):
    """Yield Records. Blank lines are skipped (line numbers stay physical).

    Malformed records (stray quote in an unquoted field, junk after a closing
    quote) are delimited leniently: a quote only opens a quoted field at the
    start of a field; otherwise it is literal.  A quoted field that is never
    closed turns the rest of the file into one malformed record."""
    n = len(data)
    i = 0
    line = 1
    while i < n:
        b = _is_blank_at(data, i, n)
        if b:
            i += b
            line += 1
            continue
        start = i
        start_line = line
        fields = []
        spans = []
        err = None
        while True:
            fstart = i
            buf = bytearray()
            if i < n and data[i] == QUOTE:
                i += 1
                closed = False
                while i < n:
                    c = data[i]
                    if c == QUOTE:
                        if i + 1 < n and data[i + 1] == QUOTE:
                            buf.append(QUOTE)
                            i += 2
                            continue
                        i += 1
                        closed = True
                        break
                    if c == LF:
                        line += 1
                    buf.append(c)
                    i += 1
                if not closed:
                    raw = data[start:]
                    nl = raw.count(b"\n") + 1
                    if raw.endswith(b"\n"):
                        nl -= 1
                    yield Record(start_line, nl, raw.rstrip(b"\r\n"), [], [],
                                 "quoted field never closed")
                    return
                if not (i >= n or data[i] == delim or data[i] == LF
                        or (data[i] == CR and i + 1 < n and data[i + 1] == LF)
                        or (data[i] == CR and i + 1 == n)):
                    err = err or "unexpected character after closing quote"
                    while i < n and data[i] != delim and data[i] != LF and not (
                            data[i] == CR and (i + 1 == n or data[i + 1] == LF)):
                        buf.append(data[i])
                        i += 1
            else:
                while i < n and data[i] != delim and data[i] != LF and not (
                        data[i] == CR and (i + 1 == n or data[i + 1] == LF)):
                    if data[i] == QUOTE:
                        err = err or "quote inside an unquoted field"
                    buf.append(data[i])
                    i += 1
            fields.append(bytes(buf))
            spans.append((fstart - start, i - start))
            if i >= n:
                end = i
                break
            if data[i] == delim:
                i += 1
                continue
            # end of record: LF, CRLF or final CR
            end = i
            if data[i] == CR:
                i += 1
            if i < n and data[i] == LF:
                i += 1
            line += 1
            break
        raw = data[start:end]
        yield Record(start_line, raw.count(b"\n") + 1, raw, fields, spans, err)

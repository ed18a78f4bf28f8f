"""Value parsing: numbers (pinned rule 6), booleans (rule 5), enums, text,
identifiers, codes, and the village-identity fold."""
from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

# ---------------------------------------------------------------- text


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def norm_text(s: str) -> str:
    """NFC, trim, collapse inner runs of (Unicode) white space to one space."""
    return " ".join(nfc(s).split())


def norm_id(s: str) -> str:
    """Identifiers: trimmed of Unicode white space (incl. U+00A0), nothing else."""
    return s.strip()


def norm_key(s: str) -> str:
    """Header / enum matching key: text-normalised and case-folded."""
    return norm_text(s).casefold()


# ---------------------------------------------------------------- numbers

_INT_PLAIN = re.compile(r"[0-9]+\Z")
_INT_DOTS = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+\Z")
_INT_COMMAS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+\Z")

_DEC_POINT = re.compile(r"([0-9]+)\.([0-9]+)\Z")                       # 12.5, 1.234
_DEC_MULTIDOT = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}\Z")          # 1.234.567
_DEC_COMMA = re.compile(r"([0-9]+),([0-9]+)\Z")                        # 12,5 (1,234 ambiguous)
_DEC_MULTICOMMA = re.compile(r"[0-9]{1,3}(?:,[0-9]{3}){2,}\Z")         # 1,234,567
_DEC_DOTS_COMMA = re.compile(r"([0-9]{1,3}(?:\.[0-9]{3})+),([0-9]+)\Z")  # 1.234,5
_DEC_COMMAS_DOT = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+)\.([0-9]+)\Z")  # 1,234.5


class NumberError(ValueError):
    pass


def parse_int(s: str) -> int:
    """Integer per rule 6. `s` is already trimmed. A leading '-' is read so that
    the range check can reject it (the reason is invalid_number either way)."""
    neg = False
    t = s
    if t.startswith("-"):
        neg, t = True, t[1:]
    if _INT_PLAIN.match(t):
        v = int(t)
    elif _INT_DOTS.match(t):
        v = int(t.replace(".", ""))
    elif _INT_COMMAS.match(t):
        v = int(t.replace(",", ""))
    else:
        raise NumberError(f"not a whole number: {s!r}")
    return -v if neg else v


def _frac(intpart: str, frac: str) -> Fraction:
    return Fraction(int(intpart + frac), 10 ** len(frac))


def parse_decimal(s: str) -> Fraction:
    """Decimal per rule 6, exact (Fraction)."""
    neg = False
    t = s
    if t.startswith("-"):
        neg, t = True, t[1:]
    v: Fraction
    if _INT_PLAIN.match(t):
        v = Fraction(int(t))
    elif m := _DEC_POINT.match(t):
        v = _frac(m.group(1), m.group(2))
    elif _DEC_MULTIDOT.match(t):
        v = Fraction(int(t.replace(".", "")))
    elif m := _DEC_COMMA.match(t):
        if len(m.group(2)) == 3:
            raise NumberError(f"ambiguous: {s!r} (thousands separator or decimal comma?)")
        v = _frac(m.group(1), m.group(2))
    elif _DEC_MULTICOMMA.match(t):
        v = Fraction(int(t.replace(",", "")))
    elif m := _DEC_DOTS_COMMA.match(t):
        if len(m.group(2)) == 3:
            raise NumberError(f"ambiguous: {s!r} (exactly three digits after the comma)")
        v = _frac(m.group(1).replace(".", ""), m.group(2))
    elif m := _DEC_COMMAS_DOT.match(t):
        v = _frac(m.group(1).replace(",", ""), m.group(2))
    else:
        raise NumberError(f"not a decimal number: {s!r}")
    return -v if neg else v


# ---------------------------------------------------------------- booleans

_TRUE = {"1", "true", "có", "x"}
_FALSE = {"0", "false", "không", ""}


class EnumError(ValueError):
    pass


def parse_bool(s: str) -> int:
    k = norm_key(s)
    if k in _TRUE:
        return 1
    if k in _FALSE:
        return 0
    raise EnumError(f"not a boolean: {s!r}")


# ---------------------------------------------------------------- enums

ENUMS = {
    "area": ["rural", "urban"],
    "housing_type": ["durable", "semi_durable", "non_durable", "none"],
    "water_source": ["piped", "drilled_well", "protected_well", "protected_spring", "rainwater",
                     "bottled", "unprotected_well", "unprotected_spring", "surface", "other", "none"],
    "latrine": ["septic", "pour_flush", "double_vault", "ventilated_pit", "biogas",
                "unhygienic_pit", "hanging", "other", "none"],
    "waste_disposal": ["collected", "composted", "burned", "buried", "open_dumping", "none"],
}

ENUM_ALIASES = {
    "area": {"nông thôn": "rural", "nong_thon": "rural", "nt": "rural",
             "thành thị": "urban", "đô thị": "urban", "thanh_thi": "urban", "tt": "urban"},
    "housing_type": {"kiên cố": "durable", "bán kiên cố": "semi_durable",
                     "thiếu kiên cố": "non_durable", "đơn sơ": "non_durable",
                     "không có nhà": "none"},
    "water_source": {"nước máy": "piped", "giếng khoan": "drilled_well",
                     "giếng đào được bảo vệ": "protected_well", "nước mưa": "rainwater",
                     "nước đóng chai": "bottled", "sông suối ao hồ": "surface"},
    "latrine": {"tự hoại": "septic", "bán tự hoại": "pour_flush", "hai ngăn": "double_vault",
                "không có": "none"},
    "waste_disposal": {},
}


def parse_enum(col: str, s: str) -> str:
    k = norm_key(s)
    for v in ENUMS[col]:
        if k == v:
            return v
    al = {norm_key(a): v for a, v in ENUM_ALIASES[col].items()}
    if k in al:
        return al[k]
    raise EnumError(f"{col}: {s!r} is not one of {', '.join(ENUMS[col])}")


# ---------------------------------------------------------------- codes

_DIGITS = re.compile(r"[0-9]+\Z")


def parse_code(s: str, length: int) -> tuple[str, bool]:
    """Returns (code, padded). Raises NumberError when not all ASCII digits.
    Codes longer than `length` are returned unchanged (they will not match
    the admin file)."""
    if not _DIGITS.match(s):
        raise NumberError(f"code must be digits, got {s!r}")
    if len(s) < length:
        return s.zfill(length), True
    return s, False


# ---------------------------------------------------------------- village identity

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def fold_village(name: str) -> str:
    """Identity key of a (normalised) village name: case-folded, and within
    every syllable (maximal run of letters/digits and their combining marks) the
    tone mark is detached from the vowel that carries it, so that old and new
    placement (Hoà / Hòa, Thuỷ / Thủy) fold together while different tones
    (Hòa / Hóa) stay different."""
    s = unicodedata.normalize("NFD", norm_text(name).casefold())
    out = []
    syl: list[str] = []
    tones: list[str] = []

    def flush():
        if syl or tones:
            out.append(unicodedata.normalize("NFC", "".join(syl)))
            if tones:
                out.append("{" + ",".join(f"{ord(t):04X}" for t in sorted(tones)) + "}")
        syl.clear()
        tones.clear()

    for ch in s:
        if ch in TONE_MARKS:
            tones.append(ch)
        elif ch.isalnum() or unicodedata.combining(ch):
            syl.append(ch)
        else:
            flush()
            out.append(ch)
    flush()
    return "".join(out)

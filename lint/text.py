"""Text helpers shared by the parser and the rules: error codes, locales, normalising."""

from __future__ import annotations

import re
import unicodedata

ERROR_CODE = re.compile(r"0[xX][0-9A-Fa-f]{8}")
_LEADING_CODE = re.compile(r"\s*(0[xX][0-9A-Fa-f]{8})")
_LOCALE = re.compile(r"([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|[0-9]{3}))?", re.I)
_SPACES = re.compile(r"\s+")


def normalise_code(code: str) -> str:
    """`0x8007232b` -> `0x8007232B`: one spelling per code, however a file writes it."""
    return "0x" + code[2:].upper()


def leading_code(text: str) -> str | None:
    """The error code a text (an anchor, a heading, a link text) starts with."""
    match = _LEADING_CODE.match(text)
    return normalise_code(match.group(1)) if match else None


def canonical_locale(text: str) -> str | None:
    """`fr-fr`, `fr_FR`, `FR-FR` -> `fr-FR`; `zh-hans` -> `zh-Hans`; None for anything else.

    A region or script is required: a bare `fr` or `api` folder name is not taken for a locale.
    """
    match = _LOCALE.fullmatch(text.strip())
    if not match or not (match.group(2) or match.group(3)):
        return None
    language, script, region = match.groups()
    parts = [language.lower()]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    return "-".join(parts)


def squash(text: str) -> str:
    """Fold case, Unicode compatibility forms and runs of white space (NBSP included)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()

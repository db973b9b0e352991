"""mistune's inline parser, bounded, and two ways to read a block's inline text without running it.

`plain_segments` gives the tokens of text whose markup can be placed without searching (see
`InlineWalker.place`); `BoundedInlineParser.scan_plain`, the tokens of most other text. Both replay
mistune 3.4.0's own scanning loop for the rules they follow exactly, leave the rest to mistune, and
are checked against its tokens (tests/test_inline_fast.py).
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any

import mistune
from mistune.helpers import HTML_ATTRIBUTES, HTML_TAGNAME, PUNCTUATION
from mistune.inline_parser import AUTO_EMAIL

INLINE_FAST_PATHS = mistune.__version__ == "3.4.0"  # they replay this version's inline scanning; others parse every block
MAX_EMPHASIS_MARKERS = 500  # per block; the corpus has 16 at most
_TRIGGERS = "<[*`_!]\\\n"  # where a mistune inline rule may start, the most frequent in the corpus first
_TRIGGER = re.compile(f"[{re.escape(_TRIGGERS)}]")
_NOT_PLAIN = _TRIGGERS + "&"  # and where an entity may start
_LINEBREAK, _SOFTBREAK = re.compile(r" {2,}\n\s*"), re.compile(r" *\n\s*")
_BACKTICKS, _EMPHASIS_RUN, _BRACKET_RUN = re.compile("`+"), re.compile("[*_]+"), re.compile(r"\]+")
_ESCAPABLE = re.compile(PUNCTUATION)
_PLAIN_DESTINATION = re.compile(r"\(([A-Za-z0-9_.~:/?#@!$*+,;=%-]*)\)")  # what `quote` keeps, minus & ( ) '
_GREEDY_ATTRIBUTES = HTML_ATTRIBUTES.replace("*?", "*")  # `"[^"]*?"` matches what `"[^"]*"` does, a step per character slower
_ANGLE = re.compile(  # mistune's rules at a `<`, in its order; the first that matches names the group
    "(?P<autolink>{}|{})|(?P<comment><!--(?!-?>))|(?P<declaration><[!?])|(?P<tag>{})|(?P<tag_start></?[A-Za-z])".format(
        mistune.InlineParser.SPECIFICATION["auto_link"], AUTO_EMAIL, f"<{HTML_TAGNAME}{_GREEDY_ATTRIBUTES}\\s*/?>|</{HTML_TAGNAME}\\s*>"
    )
)
_PLAIN_LINK = re.compile(r"\[([^\\`*_\[\]<\n]*)\]" + _PLAIN_DESTINATION.pattern)
_LITERAL_BRACKETS = re.compile(r"\[[^\\`*_\[\]<\n]*\](?!\()")
_PLAIN_CODE = re.compile(r"(`+)([^`\n]+)(`+)")
LINK_CELL = re.compile(r"\[([^\\`*_\[\]<\n&]*)\]" + _PLAIN_DESTINATION.pattern)
"""A table cell that is one link `[text](destination)`, its text without markup or entity: a third of an article's cells.
mistune reads it as one link token holding one text token, as `plain_segments` does."""
ANCHORED_TEXT = re.compile(r'(<a (?:name|id)="[^"\n]*">)(</a>)?([^\\`*_!\[\]<\n&]*)')
"""An `<a name>` tag, maybe its `</a>`, then text without markup or entity: nearly every heading of an article.
mistune reads it as one or two inline HTML tokens and one text token, as `plain_segments` does."""


class BoundedInlineParser(mistune.InlineParser):
    """mistune's inline parser, with emphasis left as text in a block holding too many `*` and `_`.

    mistune matches emphasis delimiters in time quadratic in their number within one block;
    a block of a few kilobytes of nested `*a *a …` would otherwise take minutes.
    """

    def finalize_tokens(self, tokens: list[dict[str, Any]], depth: int) -> list[dict[str, Any]]:
        markers = sum(t["raw"].count("*") + t["raw"].count("_") for t in tokens if t["type"] == "text")
        if markers > MAX_EMPHASIS_MARKERS:
            depth = self.max_nested_level  # no nesting budget left: mistune keeps the markers as text
        return super().finalize_tokens(tokens, depth)

    def scan_plain(self, text: str, env: MutableMapping[str, Any]) -> list[dict[str, Any]] | None:
        """mistune's tokens for `text`, without its parser; None when `text` holds markup this scan leaves to it.

        The scan is mistune's own loop for the rules it can follow exactly: text, `!`, `*` and `_` runs,
        code spans, line breaks, inline HTML, `[…]`, and links `[…](destination)` whose destination mistune's
        percent-encoding leaves as written and whose text holds no link. Emphasis is resolved by mistune's
        `finalize_tokens`, as after its parse. Escapes, images, autolinks, links in the text of an open `[`,
        reference links and other destinations are left to mistune.
        """
        if not INLINE_FAST_PATHS:
            return None
        tokens: list[dict[str, Any]] = []
        openers: list[int] = []  # indexes of the open `[` tokens
        in_link = False  # inside <a>…</a>, where mistune makes no link
        pos, end = 0, len(text)
        while pos < end:
            stop = _text_end(text, pos, end)
            if stop > pos:
                tokens.append({"type": "text", "raw": text[pos:stop]})
                pos = stop
            if pos == end:
                break
            char = text[pos]
            if char in " \n":
                line_break = _LINEBREAK.match(text, pos)
                tokens.append({"type": "linebreak" if line_break else "softbreak"})
                pos = (line_break or _SOFTBREAK.match(text, pos)).end()  # type: ignore[union-attr]
            elif char == "`" and (code := _scan_code(text, pos)):
                tokens.append(code[0])
                pos = code[1]
            elif char in "*_":
                run = _EMPHASIS_RUN.match(text, pos).end()  # type: ignore[union-attr]
                tokens.append({"type": "text", "raw": text[pos:run]})
                pos = run
            elif char == "[":
                openers.append(len(tokens))
                tokens.append({"type": "text", "raw": "["})
                pos += 1
            elif char == "]" and not env.get("ref_links"):
                run = _BRACKET_RUN.match(text, pos).end()  # type: ignore[union-attr]
                literal_end = run - text.startswith("(", run)
                if literal_end > pos:  # each `]` not before a `(` closes an open `[` as text
                    del openers[max(len(openers) - (literal_end - pos), 0) :]
                    tokens.append({"type": "text", "raw": text[pos:literal_end]})
                    pos = literal_end
                if pos < run and not openers:
                    tokens.append({"type": "text", "raw": "]"})
                    pos = run
                elif pos < run:
                    link = _PLAIN_DESTINATION.match(text, run)
                    if link is None or in_link or len(openers) > 1:  # a link in an open `[` turns it to text
                        return None
                    children = self.finalize_tokens(tokens[openers[0] + 1 :], 1)
                    del tokens[openers.pop() :]
                    tokens.append({"type": "link", "children": children, "attrs": {"url": link.group(1)}})
                    pos = link.end()
            elif char == "<":
                html = _scan_html(text, pos)
                if html is None:
                    return None
                tokens.append({"type": "inline_html", "raw": html} if html else {"type": "text", "raw": "<"})
                pos += len(html) or 1
                if html.startswith(("<a ", "<a>", "<A ", "<A>")):
                    in_link = True
                elif html.startswith(("</a ", "</a>", "</A ", "</A>")):
                    in_link = False
            elif char == "!" and not text.startswith("[", pos + 1):
                tokens.append({"type": "text", "raw": "!"})
                pos += 1
            elif char == "\\" and not text.startswith("\n", pos + 1) and not _ESCAPABLE.match(text, pos + 1):
                tokens.append({"type": "text", "raw": "\\"})
                pos += 1
            else:
                return None
        return self.finalize_tokens(tokens or [{"type": "text", "raw": text}], 0)


def is_plain(text: str) -> bool:
    """Whether mistune reads `text` as one text token, as written: no character an inline rule may start at, no entity.

    One `in` per character: each scans the text at memchr speed, together four times faster than `_TRIGGER` stepping through it."""
    for char in _NOT_PLAIN:  # noqa: SIM110 - `all` over a generator costs twice this loop
        if char in text:
            return False
    return True


def _text_end(text: str, pos: int, end: int) -> int:
    """Where a text token from `pos` ends: at the next character an inline rule may start at, less the
    spaces before a line break (they belong to the break)."""
    trigger = _TRIGGER.search(text, pos)
    stop = trigger.start() if trigger else end
    if trigger and text[stop] == "\n":
        while stop > pos and text[stop - 1] == " ":
            stop -= 1
    return stop


def _scan_code(text: str, start: int) -> tuple[dict[str, Any], int] | None:
    """mistune's code span at `start` and where it ends; None when no run of as many backticks closes it."""
    marker = _BACKTICKS.match(text, start).group()  # type: ignore[union-attr]
    after = start + len(marker)
    close = next((run for run in _BACKTICKS.finditer(text, after) if len(run.group()) == len(marker)), None)
    if close is None:
        return None
    return {"type": "codespan", "raw": _code(text[after : close.start()])}, close.end()


def _code(between: str) -> str:
    """A code span's code, from what stands between its backticks."""
    code = between.replace("\n", " ")
    return code[1:-1] if code.strip(" ") and code.startswith(" ") and code.endswith(" ") else code


PlainItem = tuple[str, int, int, str, int, str]
"""A token of a block's inline text as mistune makes it: (kind, start, end, text, inner, target).

kind is text, html, code or link; start and end are offsets in the inline text; text is the text
or HTML as written, a code span's code, a link's text as written; inner is where a code span's or
link's visible text starts; target is a link's destination."""


def plain_segments(text: str, env: MutableMapping[str, Any]) -> list[tuple[int, int, list[PlainItem]]] | None:
    """mistune's tokens of `text`, line by line (start, end, tokens of each line; a line break
    ends each line but the last, which has no tokens when a break ends the text), when its only markup is
    code spans and inline HTML within a line, links `[text](destination)` and brackets without markup
    inside, `**strong**` text within a line (see `_strong_end`), and line breaks; None for any other markup
    (other emphasis, escapes, images, autolinks, references).

    The same reading as `BoundedInlineParser.scan_plain`, narrowed to tokens that stand for a
    contiguous piece of one line, so that their place in the file can be known without searching.
    """
    if not INLINE_FAST_PATHS or (env.get("ref_links") and ("[" in text or "]" in text)):
        return None
    segments: list[tuple[int, int, list[PlainItem]]] = []
    items: list[PlainItem] = []
    line_start, run = 0, -1  # run: where the current text token starts, -1 outside one
    in_link = False  # inside <a>…</a>, where mistune makes no link
    pos, end = 0, len(text)
    while pos < end:
        stop = _text_end(text, pos, end)
        if run < 0 and stop > pos:
            run = pos
        pos = stop
        if pos == end:
            break
        char, item, literal = text[pos], None, 1
        if char == "<":
            html = _scan_html(text, pos)
            if html is None or "\n" in html:
                return None
            if html:
                item = ("html", pos, pos + len(html), html, pos, "")
                if html.startswith(("<a ", "<a>", "<A ", "<A>")):
                    in_link = True
                elif html.startswith(("</a ", "</a>", "</A ", "</A>")):
                    in_link = False
        elif char == "[":
            if link := _PLAIN_LINK.match(text, pos):
                if in_link:
                    return None
                item = ("link", pos, link.end(), link.group(1), pos + 1, link.group(2))
            elif brackets := _LITERAL_BRACKETS.match(text, pos):
                literal = brackets.end() - pos
            else:
                return None
        elif char == "`":
            code = _PLAIN_CODE.match(text, pos)
            if not code or len(code.group(1)) != len(code.group(3)):
                return None
            item = ("code", pos, code.end(), _code(code.group(2)), code.start(2), "")
        elif char == "*":
            strong_end = _strong_end(text, pos)
            if strong_end < 0:
                return None
            item = ("strong", pos, strong_end, text[pos + 2 : strong_end - 2], pos + 2, "")
        elif char in " \n":
            if run >= 0:
                items.append(("text", run, pos, text[run:pos], run, ""))
            segments.append((line_start, pos, items))
            items, run = [], -1
            pos = line_start = _SOFTBREAK.match(text, pos).end()  # type: ignore[union-attr]
            continue
        elif not (
            char == "]"
            or (char == "!" and not text.startswith("[", pos + 1))
            or (char == "\\" and not text.startswith("\n", pos + 1) and not _ESCAPABLE.match(text, pos + 1))
        ):
            return None
        if item is None:
            run = pos if run < 0 else run
            pos += literal
            continue
        if run >= 0:
            items.append(("text", run, pos, text[run:pos], run, ""))
            run = -1
        items.append(item)
        pos = item[2]
    if run >= 0:
        items.append(("text", run, end, text[run:end], run, ""))
    return segments + [(line_start, end, items)] if text else segments


def _strong_end(text: str, start: int) -> int:
    """Where the strong span `**text**` at `start` ends, when mistune reads it so whatever stands around it;
    -1 when not sure.

    Sure: no other `*` or `_` in the block (but in code spans), which `plain_segments` makes sure of as it goes
    on; markers of exactly two `*`, between them text without markup on one line; and mistune's emphasis tests:
    the opening marker can open, the closing one can close. Then the closing marker closes the opening one,
    whatever the spans before and after. A character of a token around the span (a code span, HTML, a link, a
    line break) is what mistune takes it for: punctuation or space.
    """
    if not text.startswith("**", start) or text.startswith("*", start + 2) or text.count("*") > MAX_EMPHASIS_MARKERS:
        return -1
    close = start + 2
    while (trigger := _TRIGGER.search(text, close)) and _is_literal(text, trigger.start()):
        close = trigger.start() + 1
    close = trigger.start() if trigger else -1
    if close <= start + 2 or not text.startswith("**", close) or text.startswith("*", close + 2):
        return -1
    before, first, last = text[start - 1] if start else "\n", text[start + 2], text[close - 1]
    after = text[close + 2] if close + 2 < len(text) else "\n"
    can_open = not first.isspace() and (first.isalnum() or not before.isalnum())
    can_close = not last.isspace() and (last.isalnum() or not after.isalnum())
    return close + 2 if can_open and can_close else -1


def _is_literal(text: str, at: int) -> bool:
    """Whether mistune reads the `!` or `<` at `at` as text."""
    if text[at] == "!":
        return not text.startswith("[", at + 1)
    return text[at] == "<" and _scan_html(text, at) == ""


def _scan_html(text: str, start: int) -> str | None:
    """The inline HTML mistune reads at `start` (a `<`); "" when it reads the `<` as text; None when not sure."""
    rule = _ANGLE.match(text, start)
    if rule is None or rule.lastgroup == "tag_start":
        return ""
    if rule.lastgroup == "tag":
        return rule.group()
    if rule.lastgroup == "comment":
        close = text.find("-->", start + 4)
        return text[start : close + 3] if close >= 0 else ""
    return None

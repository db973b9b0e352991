"""A file's locale read from its head decoded as UTF-8, its byte-order mark stripped, is the one read with "utf-8-sig"."""

from __future__ import annotations

import random
from pathlib import Path

from lint.discover import _CONTENT_LOCALE, peek_locale
from lint.text import canonical_locale

PIECES = [b"\xef\xbb\xbf", b"---", b"\n", b"ms.contentlocale: ", b"locale:", b"fr-FR", b"'ja-jp'", b"xx", b" ", b"\xef\xbb",
          b"\xff", b"\xc3\xa9", b"---\n", b"title: a\n", b"\r\n"]  # fmt: skip


def _peek_with_utf_8_sig(path: Path) -> str | None:
    head = path.read_bytes()[:8192].decode("utf-8-sig", "replace")
    if not head.lstrip("\ufeff").startswith("---"):
        return None
    match = _CONTENT_LOCALE.search(head)
    return canonical_locale(match.group(1)) if match else None


def test_peek_locale_reads_as_with_utf_8_sig(tmp_path: Path) -> None:
    generator = random.Random(20261122)
    heads = [
        b"\xef\xbb\xbf---\nlocale: fr-FR\n---\n",
        b"\xef\xbb\xbf\xef\xbb\xbf---\nms.contentlocale: ja-jp\n",
        b"\xef\xbb\xbflocale: de-DE\n",
    ]
    heads += [b"".join(generator.choice(PIECES) for _ in range(generator.randint(0, 12))) for _ in range(1000)]
    heads.append(b"---\n" + b"a" * 8187 + b"\xc3\xa9\nlocale: fr-FR\n")
    for index, head in enumerate(heads):
        path = tmp_path / f"{index}.md"
        path.write_bytes(head)
        assert peek_locale.__wrapped__(str(path)) == _peek_with_utf_8_sig(path), head

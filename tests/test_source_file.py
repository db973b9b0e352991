"""A source-language (en-US) file in the group, written as sources are: headings without `<a name>`,
front matter without the localization system's keys. Its headings' ids stand for anchors."""

from __future__ import annotations

import re
from pathlib import Path

from lint.model import heading_id
from tests.conftest import corpus_file, run, where

_ANCHORED_HEADING = re.compile(r'^(#+ )<a name="([^"]+)"></a>.*$', re.M)
_LOCALIZATION_KEYS = re.compile(r"^ms\.(openlocfilehash|sourcegitcommit|translationtype|contentlocale|lasthandoff|locfileid):.*\n", re.M)


def source_style(translation: str) -> str:
    """The translation with every anchored heading titled as its anchor reads, and no localization keys."""
    text = _LOCALIZATION_KEYS.sub("", translation)
    return _ANCHORED_HEADING.sub(lambda m: m.group(1) + m.group(2).replace("-", " ").capitalize(), text)


def test_heading_id_is_the_anchor_translations_keep() -> None:
    assert heading_id("0x80070490 The product key you entered didn't work") == "0x80070490-the-product-key-you-entered-didnt-work"
    kms = "0xC004F039 The Key Management Service (KMS) is not enabled"
    assert heading_id(kms) == "0xc004f039-the-key-management-service-kms-is-not-enabled"


def test_a_source_file_without_anchors_joins_the_group(corpus_copy: Path) -> None:
    source = corpus_copy / "activation-error-codes.en-US.md"
    source.write_text(source_style(corpus_file("ru-RU").read_text(encoding="utf-8")), encoding="utf-8")
    assert "<a name=" not in source.read_text(encoding="utf-8")
    findings = run([corpus_copy])
    assert not [f for f in findings if f.rule in ("WL202", "WL204", "WL501", "WL102") and f.loc.path == str(source)]
    assert not [f for f in findings if f.rule == "WL501"]  # every section aligned with the source's
    assert not [f for f in findings if f.rule == "WL102" and "ms.locfileid" in f.message]
    expected = [("WL201", "activation-error-codes.es-ES.md", 48), ("WL203", "activation-error-codes.es-ES.md", 48)]
    assert [w for w in where(findings) if w[0] in ("WL201", "WL203")] == expected
    stale = [w for w in where(findings) if w[0] == "WL301"]
    assert stale == [("WL301", f"activation-error-codes.{locale}.md", 36) for locale in ("es-ES", "fr-FR", "ja-JP")]

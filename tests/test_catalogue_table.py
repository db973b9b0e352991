"""Front matter and revisions (WL1xx), the summary table (WL2xx), the supported-codes list (WL3xx) and
headings (WL7xx) on the corpus: what they find, where, on which locale, and what they leave alone;
then defects planted in a copy of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.edits import apply_fixes
from lint.finding import Finding, Severity
from tests.conftest import CORPUS, corpus_file, replace_line, run, where

RULES = ("WL1", "WL2", "WL3", "WL7")
OLDER = ("es-ES", "fr-FR", "ja-JP")
CORPUS_FINDINGS = sorted(
    [
        *[("WL101", f"activation-error-codes.{locale}.md", 11) for locale in OLDER],  # 3a3d62f…, 2020-04-23
        ("WL101", "activation-error-codes.ru-RU.md", 14),  # a month behind zh-CN, nothing visible: info
        *[("WL102", f"activation-error-codes.{locale}.md", 6) for locale in OLDER],  # ms.technology, no manager/ms.custom
        *[("WL104", f"activation-error-codes.{locale}.md", 4) for locale in OLDER],  # ms.topic article, not troubleshooting
        ("WL104", "activation-error-codes.zh-CN.md", 7),  # ms.author kaushika, not kaushika-msft; v-tea: info
        ("WL201", "activation-error-codes.es-ES.md", 48),  # shows 0x8007232A, links to 0x8007232B
        ("WL203", "activation-error-codes.es-ES.md", 48),
        *[("WL301", f"activation-error-codes.{locale}.md", 36) for locale in OLDER],
        ("WL702", "activation-error-codes.fr-FR.md", 396),  # 0xC004F065Le service…
        ("WL703", "activation-error-codes.fr-FR.md", 386),  # 0xC004F064 zLe service…
        ("WL704", "activation-error-codes.zh-CN.md", 298),  # 0xC004F035: the source's own paraphrase, info
        ("WL705", "activation-error-codes.zh-CN.md", 302),
    ]
)


@pytest.fixture(scope="module")
def corpus_findings() -> list[Finding]:
    return run([CORPUS], select=RULES)


def test_corpus_gives_exactly_the_known_defects(corpus_findings: list[Finding]) -> None:
    assert sorted(where(corpus_findings)) == CORPUS_FINDINGS


def test_the_older_translations_are_reported_with_their_revision(corpus_findings: list[Finding]) -> None:
    (fr,) = [f for f in corpus_findings if f.rule == "WL101" and f.locale == "fr-FR"]
    assert fr.message == "translated from revision 3a3d62f…, 2020-04-23; zh-CN from 7cacfc3…, 2020-09-14; ru-RU from dfa48f7…, 2020-08-07"
    assert (fr.severity, fr.cause, fr.loc.line) == (Severity.WARNING, "stale-revision", 11)
    (ru,) = [f for f in corpus_findings if f.rule == "WL101" and f.locale == "ru-RU"]
    assert ru.severity == Severity.INFO and "match the newest translations'" in ru.message


def test_front_matter_keys_are_reported_on_the_older_locales_only(corpus_findings: list[Finding]) -> None:
    keys = [f for f in corpus_findings if f.rule == "WL102"]
    assert {f.locale for f in keys} == set(OLDER)
    assert all(f.cause == "stale-revision" and f.message.startswith("front matter lacks ms.custom, manager") for f in keys)
    assert all("has ms.technology (ru-RU, zh-CN do not)" in f.message for f in keys)


def test_the_es_row_48_defect_gives_one_finding_per_rule_and_no_more(corpus_findings: list[Finding]) -> None:
    es_table = [f for f in corpus_findings if f.locale == "es-ES" and 40 <= f.loc.line <= 72]
    assert sorted(f.rule for f in es_table) == ["WL201", "WL203"]


def test_source_paraphrases_are_one_info_finding_on_the_primary(corpus_findings: list[Finding]) -> None:
    paraphrases = [f for f in corpus_findings if f.rule in ("WL704", "WL705")]
    assert {(f.key, f.locale, f.severity) for f in paraphrases} == {
        ("0xC004F035/title-vs-message", "zh-CN", Severity.INFO),
        ("0xC004F035/quote-vs-message", "zh-CN", Severity.INFO),
    }


def test_heading_typos_are_fixed_in_the_file_s_own_style(corpus_findings: list[Finding]) -> None:
    fr = corpus_file("fr-FR")
    fixes = [f for f in corpus_findings if f.loc.path == str(fr) and f.rule in ("WL702", "WL703")]
    fixed, done, skipped = apply_fixes(fr.read_text(encoding="utf-8"), fixes)
    lines = fixed.split("\n")
    assert (len(done), skipped) == (2, ())
    assert lines[385].endswith(
        "</a>0xC004F064 Le service de protection logicielle a signalé que la période de grâce non authentique a expiré"
    )
    assert "</a>0xC004F065 Le service de protection logicielle a signalé que l’application" in lines[395]


def test_es_headings_own_style_and_ru_kms_wording_are_not_reported(corpus_findings: list[Finding]) -> None:
    assert not [f for f in corpus_findings if f.rule in ("WL208", "WL209") or (f.rule == "WL702" and f.locale == "es-ES")]


def test_a_front_matter_locale_other_than_the_path_s(corpus_copy: Path) -> None:
    replace_line(corpus_file("fr-FR", corpus_copy), 13, "ms.contentlocale: fr-FR", "ms.contentlocale: fr-CA")
    assert where(run([corpus_copy], select=["WL103"])) == [("WL103", "activation-error-codes.fr-FR.md", 13)]


def test_a_key_dropped_by_mistake_has_a_finding_of_its_own_where_it_belongs(corpus_copy: Path) -> None:
    ja = corpus_file("ja-JP", corpus_copy)
    ja.write_text(ja.read_text(encoding="utf-8").replace("ms.author: kaushika-msft; v-tea\n", "", 1), encoding="utf-8")
    findings = run([corpus_copy], select=["WL102"])
    mine = [f for f in findings if f.locale == "ja-JP"]
    assert where(mine) == [("WL102", "activation-error-codes.ja-JP.md", 6), ("WL102", "activation-error-codes.ja-JP.md", 8)]
    stale, dropped = mine
    assert stale.message.startswith("front matter lacks ms.custom, manager (ru-RU, zh-CN have them) and has ms.technology")
    assert stale.cause == "stale-revision"
    assert dropped.message == "front matter lacks ms.author (es-ES, fr-FR, ru-RU, zh-CN have it)"
    assert (dropped.cause, dropped.key) == ("", "front-matter/ms.author")


def test_a_row_dropped_from_one_locale(corpus_copy: Path) -> None:
    fr = corpus_file("fr-FR", corpus_copy)
    replace_line(fr, 48, "|[0x8007232B](#0x8007232b-dns-name-does-not-exist) |Le nom DNS n’existe pas. |Client KMS |", "")
    text = fr.read_text(encoding="utf-8").replace("\n\n|[0x8007251D]", "\n|[0x8007251D]")
    fr.write_text(text, encoding="utf-8")
    findings = run([corpus_copy], select=["WL204", "WL205", "WL206", "WL207", "WL302"])
    assert where(findings) == [("WL206", "activation-error-codes.fr-FR.md", 48)]
    assert findings[0].message.startswith("0x8007232B has no row in this table; es-ES, ja-JP, ru-RU, zh-CN list it after 0x8007232A")


def test_two_rows_swapped(corpus_copy: Path) -> None:
    ja = corpus_file("ja-JP", corpus_copy)
    lines = ja.read_text(encoding="utf-8").split("\n")
    lines[43], lines[44] = lines[44], lines[43]  # 0x8007007b and 0x80070490
    ja.write_text("\n".join(lines), encoding="utf-8")
    assert where(run([corpus_copy], select=["WL206", "WL207"])) == [("WL207", "activation-error-codes.ja-JP.md", 44)]


def test_an_activation_type_swapped_and_one_written_two_ways(corpus_copy: Path) -> None:
    replace_line(corpus_file("ru-RU", corpus_copy), 61, "|Сервер управления ключами |", "|Узел KMS |")
    replace_line(corpus_file("es-ES", corpus_copy), 66, "MAK<br />KMS<br />Cliente KMS", "MAK<br />KMS<br />Cliente de KMS")
    findings = run([corpus_copy], select=["WL208", "WL209"])
    assert where(findings) == [("WL209", "activation-error-codes.es-ES.md", 66), ("WL208", "activation-error-codes.ru-RU.md", 61)]
    assert findings[1].message.startswith(
        "activation types of 0xC004C008 are “Узел KMS” where es-ES, fr-FR, ja-JP, zh-CN have 1: Сервер управления ключами"
    )


def test_a_section_gone_with_its_link(corpus_copy: Path) -> None:
    ru = corpus_file("ru-RU", corpus_copy)
    replace_line(ru, 78, "|[0xC004F074](#0xc004f074-no-key-management-service-kms-could-be-contacted) |", "|0xC004F074 |")
    replace_line(ru, 427, '<a name="0xc004f074-no-key-management-service-kms-could-be-contacted"></a>0xC004F074 ', "")
    assert where(run([corpus_copy], select=["WL204", "WL205", "WL206"])) == [("WL204", "activation-error-codes.ru-RU.md", 78)]


def test_a_supported_code_without_row_in_every_locale_is_one_info(corpus_copy: Path) -> None:
    for locale in ("ru-RU", "zh-CN"):
        path = corpus_file(locale, corpus_copy)
        path.write_text(
            path.read_text(encoding="utf-8")
            .replace("0x8007232B.", "0x8007232B, 0xC004F04A.")
            .replace("0x8007232B。", "0x8007232B、0xC004F04A。")
        )
    for locale in OLDER:
        path = corpus_file(locale, corpus_copy)
        path.write_text(
            path.read_text(encoding="utf-8")
            .replace("0xC004C008.", "0xC004C008, 0xC004F04A.")
            .replace("0xC004C008。", "0xC004C008、0xC004F04A。")
        )
    findings = run([corpus_copy], select=["WL302"])
    assert [(f.locale, f.severity, f.key) for f in findings] == [("zh-CN", Severity.INFO, "0xC004F04A/supported-without-row")]


def test_a_heading_showing_another_code_is_fixed_to_the_anchor_s(corpus_copy: Path) -> None:
    de = corpus_file("ja-JP", corpus_copy)
    replace_line(de, 315, "</a>0xC004F038 ", "</a>0xC004F039 ")
    findings = run([corpus_copy], select=["WL701"])
    assert where(findings) == [("WL701", "activation-error-codes.ja-JP.md", 315)]
    fixed, done, _ = apply_fixes(de.read_text(encoding="utf-8"), findings)
    assert done and "</a>0xC004F038 キー管理サービス" in fixed.split("\n")[314]


@pytest.mark.parametrize(
    ("locale", "line", "old", "new"),
    [
        ("fr-FR", 420, "0xC004F074 Aucun service de gestion de clés (KMS) n’a pu être contacté", "0xC004F074 Échec du serveur DNS"),
        ("zh-CN", 194, "0xC004B100 激活服务器确定无法激活计算机", "0xC004B100 DNS 名称不存在"),
    ],
)
def test_a_title_of_another_code(corpus_copy: Path, locale: str, line: int, old: str, new: str) -> None:
    replace_line(corpus_file(locale, corpus_copy), line, old, new)
    findings = [f for f in run([corpus_copy], select=["WL704"]) if f.severity != Severity.INFO]
    assert where(findings) == [("WL704", f"activation-error-codes.{locale}.md", line)]
    assert findings[0].message.endswith(
        "say different things; the title repeats " + ("0x8007232A's" if locale == "fr-FR" else "0x80092328's")
    )


def test_a_table_message_of_another_code(corpus_copy: Path) -> None:
    ru = corpus_file("ru-RU", corpus_copy)
    row = ru.read_text(encoding="utf-8").split("\n")[69]
    replace_line(ru, 70, row.split("|")[2], "Введенный ключ продукта не сработал. ")
    findings = [f for f in run([corpus_copy], select=["WL704"]) if f.severity != Severity.INFO]
    assert [(f.loc.line, f.loc.col) for f in findings] == [(70, 75)]  # at the message, not the heading
    assert findings[0].message.endswith("the message repeats 0x80070490's")


def test_a_quoted_error_text_of_another_code(corpus_copy: Path) -> None:
    fr = corpus_file("fr-FR", corpus_copy)
    replace_line(fr, 94, "> Accès refusé. L’action demandée exige des privilèges plus élevés.", "> Le nom DNS n’existe pas.")
    findings = [f for f in run([corpus_copy], select=["WL705"]) if f.severity != Severity.INFO]
    assert where(findings) == [("WL705", "activation-error-codes.fr-FR.md", 94)]

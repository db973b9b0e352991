"""WL401–WL403 on the corpus, on English injected into copies of every locale, and on what must stay quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.english import english_spans
from lint.finding import Edit, Finding
from lint.model import Inline
from lint.parse import read_article
from tests.conftest import CORPUS, LOCALES, corpus_file, replace_line, run, where

JA, RU, ZH = (f"activation-error-codes.{locale}.md" for locale in ("ja-JP", "ru-RU", "zh-CN"))
CORPUS_FINDINGS = sorted(
    [("WL402", JA, line) for line in (64, 68, 69, 295, 307, 342, 346, 386, 396, 406)]
    + [("WL403", RU, line) for line in (27, 119, 148, 172, 182, 192, 441)]
    + [("WL403", ZH, line) for line in (31, 119, 148, 172, 182, 192, 441)],
    key=lambda found: (found[1], found[2]),
)

# English written for these tests, one per kind of place; none of it is in the corpus
INJECTED = {
    "table cell": "The product key could not be verified by the activation server",
    "heading": "How to fix this error on the client",
    "paragraph": "After the change, wait a few minutes and then restart the computer.",
    "list item": "Make sure that the phone number matches your country or region.",
    "link text": "Licensing activation centers for your region",
    "image alt text": "Screenshot of the activation wizard with an error message",
}
# A sentence of each language naming products, commands, switches, paths and codes: no English in it
COMMAND = "`slmgr.vbs /ato` (cscript C:\\Windows\\System32\\slmgr.vbs /dlv, nslookup -type=all _vlmcs._tcp)"
NAMES_AND_COMMANDS = {
    "es-ES": f"En Windows Server 2019, ejecute {COMMAND} y busque 0xC004F074 en Key Management Service (KMS).",
    "fr-FR": f"Sous Windows Server 2019, exécutez {COMMAND} et cherchez 0xC004F074 dans Key Management Service (KMS).",
    "ja-JP": f"Windows Server 2019 で {COMMAND} を実行し、Key Management Service (KMS) の 0xC004F074 を確認します。",
    "ru-RU": f"В Windows Server 2019 выполните {COMMAND} и найдите 0xC004F074 в Key Management Service (KMS).",
    "zh-CN": f"在 Windows Server 2019 上运行 {COMMAND}，并在 Key Management Service (KMS) 中查找 0xC004F074。",
}
BLOG = {
    "es-ES": "Consulte también el blog del equipo: Notes from the Activation Team.",
    "fr-FR": "Voir aussi le blog de l’équipe : Notes from the Activation Team.",
    "ja-JP": "Notes from the Activation Team のブログも参照してください。",
    "ru-RU": "См. также блог Notes from the Activation Team.",
    "zh-CN": "另请参阅 Notes from the Activation Team 博客。",
}


@pytest.fixture(scope="module")
def corpus_findings() -> list[Finding]:
    return run([CORPUS], select=["WL4"])


def in_file(path: Path) -> list[tuple[str, str, int]]:
    return [found for found in CORPUS_FINDINGS if found[1] == path.name]


def test_corpus_findings_are_the_japanese_english_and_the_russian_chinese_link_texts(corpus_findings: list[Finding]) -> None:
    assert where(corpus_findings) == CORPUS_FINDINGS


def test_corpus_findings_start_where_the_english_starts(corpus_findings: list[Finding]) -> None:
    findings = {(Path(f.loc.path).name, f.loc.line): f for f in corpus_findings}
    assert findings[(JA, 406)].loc.col == 74 and findings[(JA, 406)].excerpt == "The request timestamp is invalid"
    assert findings[(JA, 307)].loc.col == 47 and "list item" in findings[(JA, 307)].message
    assert findings[(RU, 27)].excerpt == "Plan for volume activation" and findings[(RU, 27)].severity == "warning"
    assert [r.locale for r in findings[(ZH, 119)].related] == ["es-ES", "fr-FR", "ja-JP", "ru-RU"]
    assert "es-ES, fr-FR, ja-JP translate it; English in ru-RU too" in findings[(ZH, 119)].message


def test_english_before_its_translation_is_fixed_by_keeping_the_translation(corpus_findings: list[Finding]) -> None:
    finding = next(f for f in corpus_findings if f.loc.line == 406)
    translation = "要求のタイムスタンプが無効です"
    assert finding.fixes == (Edit(406, 74, f"The request timestamp is invalid ({translation})", translation),)


@pytest.mark.parametrize("locale", LOCALES)
def test_injected_english_is_found_where_it_starts(locale: str, corpus_copy: Path) -> None:
    path = corpus_file(locale, corpus_copy)
    before = set(in_file(path))
    expected = inject_english(path)
    findings = run([path], select=["WL4"])
    new = {(f.loc.line, f.loc.col): f for f in findings if (f.rule, Path(f.loc.path).name, f.loc.line) not in before}
    assert sorted(new) == sorted(expected.values())
    for place, position in expected.items():
        assert new[position].rule == "WL401"
        assert f"untranslated English in a {place}:" in new[position].message


@pytest.mark.parametrize("locale", LOCALES)
def test_a_heading_that_is_its_english_anchor_is_english(locale: str, corpus_copy: Path) -> None:
    path = corpus_file(locale, corpus_copy)
    heading = [s for s in read_article(str(path)).walk() if s.anchor == "possible-cause"][2].heading
    line = path.read_text(encoding="utf-8").split("\n")[heading.loc.line - 1]
    replace_line(path, heading.loc.line, line[line.index("</a>") + 4 :], "Possible cause")
    found = [(f.rule, f.loc.col) for f in run([path], select=["WL4"]) if f.loc.line == heading.loc.line]
    assert found == [("WL401", line.index("</a>") + 5)]


@pytest.mark.parametrize(("locale", "found"), [("fr-FR", []), ("ja-JP", [("WL401", 31)])])
def test_a_one_word_title_is_english_only_outside_latin_script(locale: str, found: list[object], corpus_copy: Path) -> None:
    path = corpus_file(locale, corpus_copy)
    heading = [s for s in read_article(str(path)).walk() if s.anchor == "resolution"][2].heading
    line = path.read_text(encoding="utf-8").split("\n")[heading.loc.line - 1]
    replace_line(path, heading.loc.line, line[line.index("</a>") + 4 :], "Resolution")  # a French word too
    assert [(f.rule, f.loc.col) for f in run([path], select=["WL4"]) if f.loc.line == heading.loc.line] == found


@pytest.mark.parametrize("locale", LOCALES)
def test_names_commands_and_codes_are_not_english(locale: str, corpus_copy: Path) -> None:
    path = corpus_file(locale, corpus_copy)
    append_to_paragraph(path, section_code="0x80070005", text=NAMES_AND_COMMANDS[locale])
    with path.open("a", encoding="utf-8") as file:
        file.write("\n```\nRun slmgr.vbs /dlv on the KMS host to see all of the keys\n```\n")
    assert where(run([path], select=["WL4"])) == in_file(path)


def test_a_term_every_locale_writes_in_english_is_a_name(corpus_copy: Path) -> None:
    for locale in LOCALES:
        append_to_paragraph(corpus_file(locale, corpus_copy), section_code="0x80070005", text=BLOG[locale])
    assert where(run([corpus_copy], select=["WL4"])) == CORPUS_FINDINGS


def test_the_same_term_in_one_locale_only_is_english_unless_the_glossary_names_it(corpus_copy: Path) -> None:
    path = corpus_file("fr-FR", corpus_copy)
    line = append_to_paragraph(path, section_code="0x80070005", text=BLOG["fr-FR"])
    assert [(f.rule, f.loc.line, f.excerpt) for f in run([path], select=["WL4"])] == [("WL401", line, "Notes from the Activation Team")]
    assert run([path], select=["WL4"], glossary=("notes from the activation team",)) == []


@pytest.mark.parametrize(
    ("locale", "english", "translation"),
    [
        ("fr-FR", "Restart the licensing service on the host.", "(Redémarrez le service de licences sur l’hôte.)"),
        ("es-ES", "Restart the licensing service on the host.", "(Reinicie el servicio de licencias en el host.)"),
        ("ja-JP", "The licensing service must be restarted on the host.", "(ホストでライセンス サービスを再起動する必要があります。)"),
        ("ru-RU", "The licensing service must be restarted on the host.", "(Перезапустите службу лицензирования на узле.)"),
        ("zh-CN", "The licensing service must be restarted on the host.", "（在主机上重新启动许可服务。）"),
    ],
)
def test_english_followed_by_its_translation(locale: str, english: str, translation: str, corpus_copy: Path) -> None:
    path = corpus_file(locale, corpus_copy)
    line = append_to_paragraph(path, section_code="0x8007232A", text=f"{english} {translation}")
    found = [f for f in run([path], select=["WL4"]) if f.loc.line == line]
    assert [(f.rule, f.excerpt) for f in found] == [("WL402", english.rstrip("."))]


@pytest.mark.parametrize(
    ("locale", "gloss"),
    [
        ("fr-FR", "(centres d’activation des licences)"),
        ("es-ES", "(centros de activación de las licencias)"),
        ("ja-JP", "(ライセンス認証窓口)"),
    ],
)
def test_english_link_text_with_a_gloss_where_other_locales_translate_it(locale: str, gloss: str, corpus_copy: Path) -> None:
    path = corpus_file(locale, corpus_copy)
    link = nth_link(path, "Licensing/existing-customer", 1)
    replace_line(path, link.loc.line, link.raw, f"[Activation centers for the volume licensing]({link.target}) {gloss}")
    found = [f for f in run([path], select=["WL4"]) if f.loc.line == link.loc.line]
    assert [(f.rule, f.loc.col) for f in found] == [("WL403", link.loc.col + 1)]


def test_french_and_spanish_sentences_are_not_english() -> None:
    for text, language in [
        ("Pour plus d’informations sur la résolution de ces problèmes, consultez la section ci-dessous.", "fr"),
        ("Si el equipo no está activado, compruebe la conexión a Internet y vuelva a intentarlo.", "es"),
        ("Wenn der Computer nicht aktiviert ist, prüfen Sie die Verbindung und versuchen Sie es erneut.", "de"),
    ]:
        assert english_spans(text, language) == []


# Injection helpers: each changes one line of a copy and says where the English now starts (line, column)


def inject_english(path: Path) -> dict[str, tuple[int, int]]:
    article = read_article(str(path))
    expected = {}
    row = article.table[6]
    line = path.read_text(encoding="utf-8").split("\n")[row.loc.line - 1]
    replace_line(path, row.loc.line, "|" + line.split("|")[2] + "|", f"|{INJECTED['table cell']} |")
    expected["table cell"] = (row.loc.line, line.index("|", 1) + 2)
    heading = [s for s in article.walk() if s.anchor == "resolution"][4].heading
    line = path.read_text(encoding="utf-8").split("\n")[heading.loc.line - 1]
    replace_line(path, heading.loc.line, line[line.index("</a>") + 4 :], INJECTED["heading"])
    expected["heading"] = (heading.loc.line, line.index("</a>") + 5)
    expected["paragraph"] = end_of_paragraph(path, "0x80070005", INJECTED["paragraph"])
    image_line, image_col = end_of_paragraph(path, "0x8007232B", f"![{INJECTED['image alt text']}](media/wizard.png)")
    expected["image alt text"] = (image_line, image_col + 2)
    item = next(b for b in article.blocks() if b.kind == "paragraph" and b.depth == 2)
    expected["list item"] = append_at_line(path, item.loc_at(len(item.text) - 1).line, INJECTED["list item"])
    link = nth_link(path, "Licensing/existing-customer", 3)
    replace_line(path, link.loc.line, f"[{link.text}]", f"[{INJECTED['link text']}]")
    expected["link text"] = (link.loc.line, link.loc.col + 1)
    return expected


def end_of_paragraph(path: Path, code: str, text: str) -> tuple[int, int]:
    section = read_article(str(path)).code_sections[code]
    paragraph = next(b for child in section.children for b in child.blocks if b.kind == "paragraph")
    return append_at_line(path, paragraph.loc_at(len(paragraph.text) - 1).line, text)


def append_to_paragraph(path: Path, section_code: str, text: str) -> int:
    return end_of_paragraph(path, section_code, text)[0]


def append_at_line(path: Path, line: int, text: str) -> tuple[int, int]:
    lines = path.read_text(encoding="utf-8").split("\n")
    kept = lines[line - 1].rstrip()
    lines[line - 1] = f"{kept} {text}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return (line, len(kept) + 2)


def nth_link(path: Path, target: str, index: int) -> Inline:
    links = [i for b in read_article(str(path)).blocks() for i in b.inlines if i.kind == "link" and target in i.target]
    return links[index]


@pytest.mark.parametrize(
    ("locale", "english", "found"),
    [
        ("zh-CN", "DNS server failure.", "DNS server failure"),  # Latin stands out: two lower-case words are enough
        ("ru-RU", "Invalid volume license key.", "Invalid volume license key"),
        ("ja-JP", "DNS failure.", None),  # one lower-case word: could be a name
        ("fr-FR", "DNS server failure.", None),  # in Latin script it takes English function words
    ],
)
def test_english_without_function_words_in_a_table_cell(locale: str, english: str, found: str | None, corpus_copy: Path) -> None:
    path = corpus_file(locale, corpus_copy)
    row = next(row for row in read_article(str(path)).table if row.code == "0x8007232A")
    replace_line(path, row.loc.line, row.message.text, english)
    findings = [(f.rule, f.loc.line, f.excerpt) for f in run([corpus_copy], select=["WL401"]) if f.loc.path == str(path)]
    assert ((("WL401", row.loc.line, found),) if found else ()) == tuple(f for f in findings if f[1] == row.loc.line)

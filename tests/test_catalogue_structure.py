"""Structure (WL5xx), invariants (WL6xx) and typography (WL8xx) on the corpus: what they find, where,
on which locale, and what they leave alone; then defects planted in a copy of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.edits import apply_fixes
from lint.finding import Finding, Severity
from tests.conftest import CORPUS, corpus_file, replace_line, run, where

RULES = ("WL5", "WL6", "WL8")
STALE = "this file was translated from revision 3a3d62f…, 2020-04-23; ru-RU, zh-CN from a newer one"
CORPUS_FINDINGS = sorted(
    [
        # fr/es/ja follow an older source: a bold-title quote where it now has a NOTE, no NOTE in the tool section,
        # an absolute docs link the newer source writes site-relative
        *[("WL503", f"activation-error-codes.{locale}.md", 19) for locale in ("es-ES", "fr-FR", "ja-JP")],
        *[("WL502", f"activation-error-codes.{locale}.md", 32) for locale in ("es-ES", "fr-FR", "ja-JP")],
        *[("WL602", f"activation-error-codes.{locale}.md", 24) for locale in ("es-ES", "fr-FR", "ja-JP")],
        ("WL604", "activation-error-codes.zh-CN.md", 109),  # cmd.exe not bold
        ("WL604", "activation-error-codes.zh-CN.md", 318),  # slmgr /dti
        ("WL604", "activation-error-codes.zh-CN.md", 320),  # slmgr /atp &lt;Confirmation ID&gt;
        ("WL801", "activation-error-codes.es-ES.md", 82),  # a note ending in an unmatched ")"
        ("WL801", "activation-error-codes.fr-FR.md", 82),
        ("WL802", "activation-error-codes.fr-FR.md", 28),  # ", ,"
        ("WL803", "activation-error-codes.zh-CN.md", 318),  # </li> in every locale: once, on the primary
    ]
)


@pytest.fixture(scope="module")
def corpus_findings() -> list[Finding]:
    return run([CORPUS], select=RULES)


def test_corpus_gives_exactly_the_known_defects(corpus_findings: list[Finding]) -> None:
    assert sorted(where(corpus_findings)) == CORPUS_FINDINGS


def test_differences_of_the_older_translations_name_the_revision(corpus_findings: list[Finding]) -> None:
    stale = [f for f in corpus_findings if f.rule in ("WL502", "WL503", "WL602")]
    assert stale and all(f.cause == "stale-revision" and f.message.endswith(STALE) for f in stale)
    assert {r.locale for f in stale for r in f.related} == {"ru-RU", "zh-CN"}


def test_a_quirk_every_locale_has_is_one_info_finding(corpus_findings: list[Finding]) -> None:
    (tag,) = [f for f in corpus_findings if f.rule == "WL803"]
    assert (tag.severity, tag.loc.col, tag.excerpt) == (Severity.INFO, 35, "</li>")


def test_lost_bold_is_fixed_as_the_other_locales_write_it(corpus_findings: list[Finding]) -> None:
    zh = corpus_file("zh-CN")
    fixable = [f for f in corpus_findings if f.loc.path == str(zh) and f.fixes]
    fixed, done, skipped = apply_fixes(zh.read_text(encoding="utf-8"), fixable)
    lines = fixed.split("\n")
    assert "右键单击“**cmd.exe**”，" in lines[108]
    assert lines[317].startswith("   1. 运行 **slmgr /dti**，")
    assert lines[319].endswith("请运行 **slmgr /atp &lt;Confirmation ID&gt;**。")
    assert len(done) == 3 and not skipped


def test_doubled_comma_fix_keeps_one(corpus_findings: list[Finding]) -> None:
    fr = corpus_file("fr-FR")
    fixed, done, _ = apply_fixes(fr.read_text(encoding="utf-8"), [f for f in corpus_findings if f.rule == "WL802"])
    assert "de la base de connaissances,\xa0[Informations" in fixed.split("\n")[27] and len(done) == 1  # the NBSP stays


PLANTED = [
    # (locale, line, old, new, rule, line reported)
    ("fr-FR", 135, "port TCP 1688", "port TCP 1689", "WL605", 135),
    ("es-ES", 340, "puerto TCP 1688 ", "puerto TCP ", "WL605", 340),
    ("ja-JP", 432, "12288", "12289", "WL605", 432),
    ("ja-JP", 267, "**slmgr.vbs /ato**", "**slmgr.vbs /dli**", "WL603", 267),
    ("es-ES", 102, "**cmd.exe**", "cmd.exe", "WL604", 102),
    ("ru-RU", 232, "activation-centers", "activation-centres", "WL601", 232),
    ("zh-CN", 316, "0x80072ee2", "0x80072ee3", "WL606", 316),
    ("ja-JP", 81, "[!NOTE]", "[!TIP]", "WL503", 81),
    ("fr-FR", 312, "Centres d’activation", "Centres (d’activation", "WL801", 312),
    ("ja-JP", 22, "を提供します。", "を提供します。。", "WL802", 22),
    ("es-ES", 313, "&gt;** .", "&gt;** .</b>", "WL803", 313),
]


@pytest.mark.parametrize(("locale", "line", "old", "new", "rule", "reported"), PLANTED, ids=lambda v: str(v)[:24])
def test_planted_defect_is_reported_on_its_locale_and_line(
    corpus_copy: Path, corpus_findings: list[Finding], locale: str, line: int, old: str, new: str, rule: str, reported: int
) -> None:
    path = corpus_file(locale, corpus_copy)
    replace_line(path, line, old, new)
    before = set(where(corpus_findings))
    found = [(r, name, n) for r, name, n in where(run([corpus_copy], select=(rule,))) if (r, name, n) not in before]
    assert found == [(rule, path.name, reported)]


def test_missing_subsection_is_reported_in_its_parent(corpus_copy: Path) -> None:
    fr = corpus_file("fr-FR", corpus_copy)
    lines = fr.read_text(encoding="utf-8").split("\n")
    assert lines[252] == '#### <a name="resolution"></a>Solution'
    fr.write_text("\n".join(lines[:252] + lines[256:]), encoding="utf-8")  # 0xC004F009 loses its resolution
    (finding,) = run([corpus_copy], select=("WL501",))
    assert where([finding]) == [("WL501", fr.name, 247)] and "(#resolution) is missing in “0xC004F009" in finding.message


def test_a_section_missing_from_the_first_locale_is_reported_where_it_was(corpus_copy: Path) -> None:
    es = corpus_file("es-ES", corpus_copy)  # es-ES sorts first: the aligned order comes from it
    lines = es.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith('### <a name="0x80070490'))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith("### "))
    es.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")
    (finding,) = run([corpus_copy], select=("WL501",))
    assert where([finding]) == [("WL501", es.name, start + 1)]  # the heading that now follows, not the parent's
    assert "“0x80070490" in finding.message


def test_missing_note_in_a_list_is_reported_where_it_belongs(corpus_copy: Path) -> None:
    es = corpus_file("es-ES", corpus_copy)
    lines = es.read_text(encoding="utf-8").split("\n")
    es.write_text("\n".join(lines[:307] + lines[309:]), encoding="utf-8")  # the NOTE under the first list item
    added = [w for w in where(run([corpus_copy], select=("WL502",))) if w[1] == es.name and w[2] != 32]
    assert added == [("WL502", es.name, 308)]  # the next list item, where the note was

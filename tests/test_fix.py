"""--fix and --diff on copies of the corpus: what changes, and every byte that must not."""

from __future__ import annotations

import codecs
import shutil
import subprocess
from pathlib import Path

import pytest

from lint.cli import main
from lint.edits import apply_fixes
from lint.finding import Edit, Finding
from lint.fix import FileFix, plan_fixes, snapshot, unified_diff, write_fix
from lint.model import Location
from tests.conftest import corpus_file, replace_line, run, where
from tests.test_fixtures import FIXTURES

LIST_BEFORE = "Se admiten los códigos de error siguientes: 0xC004F038, 0xC004F039, 0xC004F041, 0xC004F074, 0xC004C008."
LIST_AFTER = LIST_BEFORE[:-1] + ", 0x8007007b, 0xC004C003, 0x8007232B."
ROW_BEFORE = "|[0x8007232A](#0x8007232b-dns-name-does-not-exist) |El nombre DNS no existe. |Cliente KMS |"
ROW_AFTER = ROW_BEFORE.replace("[0x8007232A]", "[0x8007232B]")
FIXED_CORPUS = [
    ("WL301", "activation-error-codes.es-ES.md", 36),
    ("WL201", "activation-error-codes.es-ES.md", 48),
    ("WL301", "activation-error-codes.fr-FR.md", 36),
    ("WL301", "activation-error-codes.ja-JP.md", 36),
]


def fix(*argv: str) -> int:
    return main(["check", "--fix", "--select", "WL201,WL203,WL301", *argv])


def fixed_lines(stderr: str) -> list[tuple[str, str, int]]:
    """(rule, file name, line) of each `fixed` line --fix printed."""
    found = []
    for line in stderr.splitlines():
        place, _, what = line.partition(": fixed ")
        if what:
            path, number, _ = place.rsplit(":", 2)
            found.append((what.split()[0], Path(path).name, int(number)))
    return found


def encoded(text: str, line_break: str, codec: str, final_newline: bool) -> bytes:
    """LF text written as a file variant: line breaks, encoding (a BOM codec or plain UTF-8), final newline."""
    text = text if final_newline else text.rstrip("\n")
    return text.replace("\n", line_break).encode(codec)


def test_fix_rewrites_the_corpus_defects_and_reports_the_rest(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert fix(str(corpus_copy)) == 0
    out, err = capsys.readouterr()
    assert fixed_lines(err) == FIXED_CORPUS and err.endswith("fixed 4 findings in 3 files\n")
    assert out == "no findings\n"  # WL203 on es-ES 48 (a duplicated 0x8007232A row) is gone with the WL201 fix
    lines = corpus_file("es-ES", corpus_copy).read_text(encoding="utf-8").split("\n")
    assert (lines[35], lines[47]) == (LIST_AFTER, ROW_AFTER)
    ja = corpus_file("ja-JP", corpus_copy).read_text(encoding="utf-8").split("\n")
    codes = "0xC004F038、0xC004F039、0xC004F041、0xC004F074、0xC004C008、0x8007007b、0xC004C003、0x8007232B"
    assert ja[35] == f"次のエラー コードがサポートされています。{codes}。"  # ja-JP's own separator, the reference's order


def test_every_rule_fix_is_gone_after_fix_and_a_second_fix_changes_nothing(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fixable = [f for f in run([corpus_copy]) if f.fixes]
    main(["check", "--fix", str(corpus_copy)])
    assert fixed_lines(capsys.readouterr().err) == where(fixable) and len(fixable) > 4
    keys = {(f.rule, f.loc.path, f.key) for f in fixable}
    assert not keys & {(f.rule, f.loc.path, f.key) for f in run([corpus_copy])}
    first = {path.name: path.read_bytes() for path in corpus_copy.iterdir()}
    main(["check", "--fix", str(corpus_copy)])
    assert {path.name: path.read_bytes() for path in corpus_copy.iterdir()} == first
    assert capsys.readouterr().err == "fixed 0 findings in 0 files\n"


def test_fix_leaves_what_the_baseline_accepts(corpus_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "baseline.json"
    assert main(["check", "--select", "WL201,WL203", "--write-baseline", str(baseline), str(corpus_copy)]) == 0
    capsys.readouterr()
    assert fix(str(corpus_copy), "--baseline", str(baseline)) == 0
    out, err = capsys.readouterr()
    assert fixed_lines(err) == [f for f in FIXED_CORPUS if f[0] != "WL201"]
    assert out == "no findings\n"  # the accepted row is still wrong, and still accepted
    assert corpus_file("es-ES", corpus_copy).read_text(encoding="utf-8").split("\n")[47] == ROW_BEFORE


def test_fix_writes_the_digits_a_misspelled_code_stands_for_when_the_article_has_that_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    group = Path(shutil.copytree(FIXTURES / "WL607" / "letters-for-digits", tmp_path / "group"))
    assert main(["check", "--fix", "--select", "WL607", str(group)]) == 1
    assert [(rule, line) for rule, _, line in fixed_lines(capsys.readouterr().err)] == [("WL607", 6), ("WL607", 10)]
    lines = (group / "guide.de-DE.md").read_text(encoding="utf-8").split("\n")
    assert lines[5] == "Unterstützt werden: 0xC004F038, 0xC004F041."
    assert lines[9].startswith("|[0xC004F050](#0xc004f050-key)")
    assert lines[16] == "Siehe auch 0x8OO7OOO5."  # 0x80070005 is in no table, section or list: not certain enough to write


def test_fix_writes_the_anchor_the_other_locales_give_the_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    group = Path(shutil.copytree(FIXTURES / "WL706" / "anchor-typo", tmp_path / "group"))
    assert main(["check", "--fix", "--select", "WL706", str(group)]) == 0
    assert fixed_lines(capsys.readouterr().err) == [("WL706", "guide.pt-BR.md", 8)]
    heading = (group / "guide.pt-BR.md").read_text(encoding="utf-8").split("\n")[7]
    assert heading == '### <a name="0xc004f074-no-kms-could-be-contacted"></a>0xC004F074 Nenhum KMS acessível'


def test_fix_writes_a_row_code_in_the_case_the_other_locales_write_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    group = Path(shutil.copytree(FIXTURES / "WL210" / "case-differs", tmp_path / "group"))
    assert main(["check", "--fix", "--select", "WL210", str(group)]) == 0
    assert fixed_lines(capsys.readouterr().err) == [("WL210", "guide.de-DE.md", 8)]
    row = (group / "guide.de-DE.md").read_text(encoding="utf-8").split("\n")[7]
    assert row == "|[0xC004F074](#0xc004f074-no-kms) |Kein KMS erreichbar. |"


def test_fix_starts_lists_where_the_other_locales_start_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    group = Path(shutil.copytree(FIXTURES / "WL504" / "list-renumbered", tmp_path / "group"))
    assert main(["check", "--fix", "--select", "WL504", str(group)]) == 0
    assert fixed_lines(capsys.readouterr().err) == [("WL504", "guide.pt-BR.md", line) for line in (10, 17)]
    lines = (group / "guide.pt-BR.md").read_text(encoding="utf-8").split("\n")
    assert lines[9:12] == ["1. Execute **slmgr /dti**.", "2. Ligue para o centro de ativação.", "1. **slmgr /atp**"]  # renders 1, 2, 3
    assert lines[16] == "> 1. **slmgr /ato**"


def test_fix_of_a_row_linking_elsewhere_writes_the_code_lower_case_where_the_others_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    group = Path(shutil.copytree(FIXTURES / "WL210" / "cases-agree", tmp_path / "group"))
    replace_line(group / "guide.pt-BR.md", 9, "[0x8007007b]", "[0x8007007a]")
    assert main(["check", "--fix", "--select", "WL201", str(group)]) == 0
    assert fixed_lines(capsys.readouterr().err) == [("WL201", "guide.pt-BR.md", 9)]
    assert (group / "guide.pt-BR.md").read_text(encoding="utf-8").split("\n")[8].startswith("|[0x8007007b](#0x8007007b-name)")


def test_heading_and_formatting_fixes_in_crlf_bom_files(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    changes = {
        ("WL702", "fr-FR", 396): ("0xC004F065Le service", "0xC004F065 Le service"),
        ("WL604", "zh-CN", 109): ("“cmd.exe”", "“**cmd.exe**”"),
        ("WL604", "zh-CN", 318): ("运行 slmgr /dti，", "运行 **slmgr /dti**，"),
        ("WL604", "zh-CN", 320): ("运行 slmgr /atp &lt;Confirmation ID&gt;。", "运行 **slmgr /atp &lt;Confirmation ID&gt;**。"),
    }
    paths = {locale: corpus_file(locale, corpus_copy) for locale in ("fr-FR", "zh-CN")}
    for path in paths.values():
        path.write_bytes(codecs.BOM_UTF8 + path.read_bytes().replace(b"\n", b"\r\n"))
    expected = {locale: path.read_bytes().split(b"\r\n") for locale, path in paths.items()}
    for (_, locale, line), (old, new) in changes.items():
        assert old.encode() in expected[locale][line - 1]
        expected[locale][line - 1] = expected[locale][line - 1].replace(old.encode(), new.encode(), 1)
    main(["check", "--fix", "--select", "WL604,WL702", *map(str, paths.values())])
    assert fixed_lines(capsys.readouterr().err) == [(rule, corpus_file(locale).name, line) for rule, locale, line in changes]
    assert {locale: path.read_bytes() for locale, path in paths.items()} == {
        locale: b"\r\n".join(lines) for locale, lines in expected.items()
    }


def test_exit_code_reflects_what_remains(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    es = corpus_file("es-ES", corpus_copy)
    replace_line(es, 36, "0xC004C008.", "0xC004C008, 0xC004F999.")  # a code only es-ES lists: no single right answer
    assert fix(str(corpus_copy)) == 1
    out, err = capsys.readouterr()
    assert ("WL201", es.name, 48) in fixed_lines(err)
    assert where(run([corpus_copy], select=["WL2", "WL3"])) == [("WL301", es.name, 36)]
    assert out.count(": WL301 error") == 1 and "0xC004F999 listed here only" in out


@pytest.mark.parametrize(
    ("line_break", "codec", "final_newline"),
    [
        ("\r\n", "utf-8", True),
        ("\n", "utf-8-sig", False),
        ("\r\n", "utf-8-sig", False),
        ("\r\n", "utf-16", True),  # BOM, native byte order
        ("\n", "utf-16-be", True),  # spelled with its BOM below
    ],
)
def test_only_the_fixed_lines_change(
    corpus_copy: Path, line_break: str, codec: str, final_newline: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    es = corpus_file("es-ES", corpus_copy)
    text = es.read_text(encoding="utf-8").replace(ROW_BEFORE, ROW_BEFORE + " \t")
    text = text.replace("\n## ", "  \n## ", 1)  # trailing blanks on an untouched line
    bom = "\ufeff" if codec == "utf-16-be" else ""
    es.write_bytes(encoded(bom + text, line_break, codec, final_newline))
    assert fix(str(es)) == 0
    expected = bom + text.replace(LIST_BEFORE, LIST_AFTER).replace(ROW_BEFORE, ROW_AFTER)
    assert es.read_bytes() == encoded(expected, line_break, codec, final_newline)
    assert fixed_lines(capsys.readouterr().err) == FIXED_CORPUS[:2]


def test_write_is_atomic_and_keeps_the_mode_and_the_link(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    es = corpus_file("es-ES", corpus_copy)
    real = corpus_copy.parent / "elsewhere.md"
    es.rename(real)
    es.symlink_to(real)
    real.chmod(0o640)
    fix(str(corpus_copy))
    assert es.is_symlink() and real.stat().st_mode & 0o777 == 0o640
    assert real.read_text(encoding="utf-8").split("\n")[47] == ROW_AFTER
    assert sorted(p.name for p in corpus_copy.parent.iterdir()) == ["corpus", "elsewhere.md"]  # no temporary file left
    assert len(list(corpus_copy.iterdir())) == 5


def test_a_file_changed_on_disk_is_not_overwritten(corpus_copy: Path) -> None:
    es = corpus_file("es-ES", corpus_copy)
    digests = snapshot([str(corpus_copy)])
    findings = run([corpus_copy], select=["WL201"])
    planned = plan_fixes(findings, digests)
    assert planned[0].changed and not planned[0].skipped
    es.write_bytes(es.read_bytes() + b"\nedited meanwhile\n")
    edited = es.read_bytes()
    written = write_fix(planned[0])
    assert es.read_bytes() == edited and not written.fixed
    assert written.skipped == (f"{es.as_posix()}: not fixed: it changed on disk while it was checked",)
    replanned = plan_fixes(findings, digests)  # the bytes no longer have the digest taken before checking
    assert not replanned[0].changed and replanned[0].skipped == written.skipped


def test_diff_prints_the_change_and_writes_nothing(
    corpus_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(corpus_copy)
    es = corpus_file("es-ES", Path())
    before = {path.name: path.read_bytes() for path in Path().iterdir()}
    assert main(["check", "--diff", "--select", "WL201", str(es)]) == 1
    out, err = capsys.readouterr()
    assert {path.name: path.read_bytes() for path in Path().iterdir()} == before
    lines = es.read_text(encoding="utf-8").split("\n")
    hunk = [f" {line}" for line in lines[44:47]] + [f"-{ROW_BEFORE}", f"+{ROW_AFTER}"] + [f" {line}" for line in lines[48:51]]
    assert out == f"--- {es}\n+++ {es}\n@@ -45,7 +45,7 @@\n" + "".join(f"{line}\n" for line in hunk)
    assert err == f"{es}:48:2: would fix WL201 table-link-mismatch\nwould fix 1 finding in 1 file\n"
    subprocess.run(["git", "apply", "-p0"], input=out, text=True, check=True)
    assert es.read_text(encoding="utf-8").split("\n")[47] == ROW_AFTER


def test_diff_marks_a_last_line_without_newline() -> None:
    text = "# T\nlast"
    new_text, _, _ = apply_fixes(text, [finding(2, 1, "last", "LAST")])
    change = FileFix("x.md", text.encode(), new_text.encode(), text, new_text)
    assert (
        unified_diff([change])
        == "--- x.md\n+++ x.md\n@@ -1,2 +1,2 @@\n # T\n-last\n\\ No newline at end of file\n+LAST\n\\ No newline at end of file\n"
    )


def test_diff_shows_only_the_changed_lines_among_repeated_ones() -> None:
    text = "".join(f"head {i}\n\ncommon\n\nquote {i}\n\n" for i in range(40))  # blank and "common" lines would be difflib junk
    new_text, _, _ = apply_fixes(text, [finding(121, 1, "head 20", "HEAD"), finding(125, 1, "quote 20", "QUOTE")])
    diff = unified_diff([FileFix("x.md", text.encode(), new_text.encode(), text, new_text)])
    assert [line for line in diff.splitlines() if line[:1] in "-+"] == ["--- x.md", "+++ x.md", "-head 20", "+HEAD", "-quote 20", "+QUOTE"]


def finding(line: int, col: int, old: str, new: str, rule: str = "WL999") -> Finding:
    return Finding(Location("x.md", line, col), "m", fixes=(Edit(line, col, old, new),), rule=rule)


def test_an_edit_not_exactly_at_its_place_is_skipped() -> None:
    text, fixed, skipped = apply_fixes(
        "ab\r\ncdef\n", [finding(2, 2, "de", "DE"), finding(2, 3, "xx", "y"), finding(4, 1, "a", "b"), finding(1, 1, "a", "a")]
    )
    assert text == "ab\r\ncDEf\n" and len(fixed) == 1
    assert skipped == (
        "x.md:2:3: WL999 fix skipped: expected 'xx' at 2:3, found 'ef'",
        "x.md:4:1: WL999 fix skipped: 4:1 is not in the file",
        "x.md:1:1: WL999 fix skipped: the replacement is the text itself",
    )


def test_overlapping_edits_apply_none_and_identical_ones_apply_once() -> None:
    findings = [finding(1, 1, "abc", "X"), finding(1, 3, "cd", "Y"), finding(2, 1, "gh", "Z"), finding(2, 1, "gh", "Z", "WL998")]
    text, fixed, skipped = apply_fixes("abcdef\ngh\n", findings)
    assert text == "abcdef\nZ\n" and [f.rule for f in fixed] == ["WL999", "WL998"]
    assert skipped == ("x.md:1:1: WL999 fix skipped: it overlaps another fix", "x.md:1:3: WL999 fix skipped: it overlaps another fix")
    assert apply_fixes("ab\n", [finding(1, 2, "", "X"), finding(1, 2, "", "Y")])[0] == "ab\n"  # two insertions at one place: order unknown


def test_an_edit_across_lines_keeps_the_file_line_breaks() -> None:
    text, fixed, _ = apply_fixes("one\r\ntwo\r\nthree", [finding(1, 2, "ne\ntw", "NE\nTW\nxx")])
    assert text == "oNE\r\nTW\r\nxxo\r\nthree" and len(fixed) == 1

"""Bad input never crashes the linter, never hangs it, and always gets a clear outcome.

A file that cannot be read is one WL001 finding naming it; a file that can be read is checked
like any other, however odd; a usage error is one line on stderr and exit 2. Nothing in the input
is executed, expanded or resolved. Hangs fail the test through `deadline` instead of stalling it.
"""

from __future__ import annotations

import codecs
import dataclasses
import importlib
import inspect
import json
import os
import pkgutil
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import checks
import lint
from lint.cli import main
from lint.config import DEFAULT_MAX_BYTES
from lint.finding import Finding
from lint.model import Location
from lint.parse import parse_text, read_article
from lint.registry import RULES
from tests.conftest import CORPUS, corpus_file, run, where

ARTICLE = """---
ms.contentlocale: {locale}
---
# Resolve activation errors

|Code|Message|Type|
|-|-|-|
|[0x8007232B](#0x8007232b-dns) |DNS name does not exist |KMS client |
|[0xC004C003](#0xc004c003-blocked) |Key blocked |MAK |

Supported codes: 0x8007232B, 0xC004C003, 0xC004F074.

## <a name="0x8007232b-dns"></a>0x8007232B DNS name does not exist

Run **slmgr.vbs /ato**, see [the guide](https://docs.microsoft.com/x) (step 2).

{extra}

## <a name="0xc004c003-blocked"></a>0xC004C003 Key blocked

Call support.
"""


class Hang(Exception):
    pass


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail, instead of stalling the suite, when the block runs longer than a generous `seconds`."""

    def expire(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def lint_bytes(folder: Path, data: bytes, max_file_size: int = DEFAULT_MAX_BYTES) -> list[Finding]:
    path = folder / "guide.fr-FR.md"
    path.write_bytes(data)
    with deadline(30):
        return run([path], max_file_size=max_file_size)


def malformed(findings: list[Finding]) -> list[tuple[int, int, str]]:
    assert not [f.message for f in findings if f.message.startswith("internal error")]
    return [(f.loc.line, f.loc.col, f.message) for f in findings if f.rule == "WL001"]


UNREADABLE = {
    "binary": (bytes(range(256)) * 4, 1, 1, "is binary (it holds NUL bytes), not Markdown"),
    "latin-1": (
        "---\ntitle: Résumé\n---\n".encode("latin-1"),
        1,
        1,
        "is not UTF-8: byte 0xE9 at line 2, column 9 (save the file as UTF-8)",
    ),
    "broken-utf-16": (codecs.BOM_UTF16_LE + b"#\x00 \x00\x00\xd8", 1, 1, "starts with a UTF-16 byte-order mark but is not valid UTF-16"),
    "never-closed": (b"---\ntitle: x\n\n# Titre\n", 1, 1, "front matter is never closed: no line `---` after the opening one"),
    "malformed-yaml": (b"---\ntitle: [x\n---\n# Titre\n", 3, 1, "front matter is not valid YAML: did not find expected ',' or ']'"),
    "yaml-list": (b"---\n- a\n- b\n---\n# Titre\n", 2, 1, "front matter is not a mapping of keys to values"),
    "deep-yaml": (
        b"---\nx: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n",
        2,
        103,
        "front matter is not valid YAML: nested more than 100 levels deep",
    ),
    "locale-path": (
        b"---\nms.contentlocale: ../../etc\n---\n",
        2,
        1,
        "ms.contentlocale '../../etc' is not a locale such as fr-FR; the path's is used",
    ),
}


@pytest.mark.parametrize(("data", "line", "col", "message"), UNREADABLE.values(), ids=UNREADABLE.keys())
def test_unreadable_input_is_one_finding_naming_the_file(tmp_path: Path, data: bytes, line: int, col: int, message: str) -> None:
    findings = lint_bytes(tmp_path, data)
    assert malformed(findings) == [(line, col, message)]
    assert findings[0].loc.path == str(tmp_path / "guide.fr-FR.md")


def test_a_locale_that_is_a_path_falls_back_to_the_path_locale(tmp_path: Path) -> None:
    path = tmp_path / "guide.fr-FR.md"
    path.write_bytes(b"---\nms.contentlocale: ../../etc\n---\n# Titre\n")
    assert read_article(str(path), "fr-FR").locale == "fr-FR"


@pytest.mark.parametrize(
    "text",
    ["", "---\ntitle: Titre\nms.contentlocale: fr-FR\n---\n", "# Titre\n\nTexte.\n", "\n\n\n", "---\n---\n"],
    ids=["empty", "front-matter-only", "no-front-matter", "blank-lines", "empty-front-matter"],
)
def test_odd_but_valid_files_have_nothing_to_report(tmp_path: Path, text: str) -> None:
    assert lint_bytes(tmp_path, text.encode()) == []


def test_yaml_tags_never_execute_and_aliases_never_expand(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    laughs = "".join(f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True))
    front = (
        f"---\nrun: !!python/object/apply:os.system ['touch {marker}']\n"
        f"new: !!python/object/new:subprocess.Popen [['touch', '{marker}']]\n"
        f"a: &a [x, x, x, x, x, x, x, x, x]\n{laughs}---\n# Titre\n"
    )
    path = tmp_path / "guide.fr-FR.md"
    path.write_text(front, encoding="utf-8")
    with deadline(10):
        article = read_article(str(path))
        assert malformed(run([path])) == []
    assert not marker.exists()
    values = {entry.key: entry.value for entry in article.front_matter}
    assert values["run"] == (f"touch {marker}",)
    assert values["i"] == ("…",) * 9


def test_html_entities_declared_in_the_file_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-7F3A", encoding="utf-8")
    doctype = f'<!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>'
    path = tmp_path / "guide.fr-FR.md"
    path.write_text(f'{doctype}\n\n# <a name="&e;"></a>&e; Titre\n\nTexte &e; {doctype}<a name="&e;">x</a>\n', encoding="utf-8")
    article = read_article(str(path))
    assert [section.anchor for section in article.walk()] == ["", "&e;"]
    assert "SECRET" not in repr(article)
    assert not [f for f in run([path]) if "SECRET" in repr(f)]


def test_a_file_over_the_size_limit_is_reported_and_not_read(tmp_path: Path) -> None:
    size = DEFAULT_MAX_BYTES + 1
    with (tmp_path / "guide.fr-FR.md").open("wb") as handle:
        handle.truncate(size)  # sparse: no 5 MiB written, and NUL bytes that would fail the decoder if it were read
    message = f"file is {size:,} bytes, over the {DEFAULT_MAX_BYTES:,}-byte limit; not checked"
    with deadline(5):
        assert malformed(run([tmp_path])) == [(1, 1, message)]
    small = lint_bytes(tmp_path, b"# Titre\n" * 200, max_file_size=1000)
    assert malformed(small) == [(1, 1, "file is 1,600 bytes, over the 1,000-byte limit; not checked")]


def test_five_megabytes_within_the_limit_are_read(tmp_path: Path) -> None:
    """The size of the file, not of its lines, is limited: one 5 MB paragraph is parsed (the whole
    corpus article repeated to 5 MB, through every rule, is measured by benchmarks/bad_input.py)."""
    sentence = "Le serveur KMS renvoie 0x8007232B, voir https://docs.microsoft.com/x et **slmgr.vbs /ato**. "
    text = ARTICLE.format(locale="fr-FR", extra=sentence * (5_000_000 // len(sentence.encode())))
    path = tmp_path / "guide.fr-FR.md"
    path.write_text(text, encoding="utf-8")
    with deadline(60):  # about 1 s
        article = read_article(str(path))
    assert 4_900_000 < path.stat().st_size < DEFAULT_MAX_BYTES and article.problems == ()
    assert [(row.loc.line, row.code) for row in article.table] == [(8, "0x8007232B"), (9, "0xC004C003")]
    assert article.line_count == text.count("\n") and article.sections[0].children[-1].heading.loc.line == 19


@pytest.mark.parametrize(
    "extra",
    [
        ">" * 20_000 + " 0x8007232B",
        "> " * 20_000 + "deep",
        "- " * 3_000 + "deep",
        "1. " * 3_000 + "deep",
        "> - " * 3_000 + "deep",
        "word " * 200_000,
        "[" * 5_000,
        "(" * 50_000 + ")" * 50_000,
        "**" * 5_000 + "a",
        "**a " * 5_000,
        "*a " * 3_000 + "b" + " c*" * 3_000,
        "**[*a " * 2_000 + "b" + "*](x)**" * 2_000,
        "[a " * 3_000 + "b" + "](x)" * 3_000,
        "0x" * 5_000,
        "0x8007232B, " * 5_000,
        "0x8007232B" + " " * 20_000 + "x",
        '<a name="' * 5_000,
        '<a name="x"></a>' * 5_000,
        "`" * 5_000 + " x",
        "&#" * 5_000 + "&amp;" * 5_000,
        "<!-- winact-lint-disable " * 5_000,
        "|" * 5_000 + "\n|" + "-|" * 5_000,
        "\\" * 5_000 + "_" * 5_000,
        "https://docs.microsoft.com/" + "a/" * 5_000,
        "<" * 5_000 + "<x>" * 5_000,
    ],
    ids=lambda extra: f"{extra[:12]!r}…{len(extra)}",
)
def test_pathological_markup_through_every_rule(tmp_path: Path, extra: str) -> None:
    """Each input goes into a section, a table row and a heading, then through every rule."""
    row = "|" + extra.replace("\n", " ").replace("|", "\\|") + " |x |y |"
    text = ARTICLE.format(locale="fr-FR", extra=f"{extra}\n\n{row}\n\n## {extra.splitlines()[0]}")
    (tmp_path / "guide.de-DE.md").write_text(ARTICLE.format(locale="de-DE", extra="Neu starten."), encoding="utf-8")
    findings = lint_bytes(tmp_path, text.encode())
    assert malformed(findings) == []
    lines = text.count("\n") + 1
    assert all(1 <= f.loc.line <= lines for f in findings)


def test_ragged_tables_keep_their_rows(tmp_path: Path) -> None:
    """mistune alone turns a table with one ragged row into a paragraph; every row would be lost."""
    table = "|Code|Message|Type|\n|-|-|-|\n|[0x8007232B](#a) |\n|[0xC004C003](#b) |b |c |d |e |\n|\n|[0xC004F074](#c)|c|\n"
    article = parse_text("guide.fr-FR.md", f"# Titre\n\n{table}")
    rows = [(row.loc.line, row.code, len(row.cells), row.message.text) for row in article.table]
    assert rows == [(5, "0x8007232B", 1, ""), (6, "0xC004C003", 5, "b"), (7, None, 1, ""), (8, "0xC004F074", 2, "c")]
    assert malformed(lint_bytes(tmp_path, f"# Titre\n\n{table}".encode())) == []


@pytest.fixture(scope="module")
def corpus_findings(tmp_path_factory: pytest.TempPathFactory) -> str:
    copy = shutil.copytree(CORPUS, tmp_path_factory.mktemp("lf") / "corpus", ignore=shutil.ignore_patterns("README.md"))
    return _findings_in(Path(copy))


def _findings_in(folder: Path) -> str:
    """Every finding on the folder, every field, with the folder's own path left out."""
    return repr(run([folder])).replace(str(folder), "<corpus>")


def test_crlf_gives_the_same_findings_as_lf(corpus_copy: Path, corpus_findings: str) -> None:
    for path in corpus_copy.glob("*.md"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert _findings_in(corpus_copy) == corpus_findings


def test_byte_order_marks_and_old_mac_line_ends_give_the_same_findings(corpus_copy: Path, corpus_findings: str) -> None:
    variants = {"fr-FR": ("utf-16-le", "\ufeff", "\n"), "ja-JP": ("utf-8", "\ufeff", "\r\n"), "ru-RU": ("utf-16-be", "\ufeff", "\n"),
                "zh-CN": ("utf-32", "", "\n"), "es-ES": ("utf-8", "", "\r")}  # fmt: skip
    for locale, (codec, bom, newline) in variants.items():
        path = corpus_file(locale, corpus_copy)
        path.write_bytes((bom + path.read_text(encoding="utf-8").replace("\n", newline)).encode(codec))
    assert _findings_in(corpus_copy) == corpus_findings


def cli(*args: str, cwd: Path, seed: str = "0") -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=120)


def test_a_path_that_does_not_exist_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = cli("check", "docs/nope.fr-FR.md", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", "winact-lint: error: no such file or folder: docs/nope.fr-FR.md\n")


def test_a_folder_of_junk_is_reported_file_by_file_without_a_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "docs"
    (junk / "sub").mkdir(parents=True)
    (junk / "sub" / "loop").symlink_to("..")  # a folder symlink loop: never followed
    (junk / "broken.fr-FR.md").symlink_to("nowhere.md")
    os.mkfifo(junk / "pipe.fr-FR.md")  # opening it would block forever
    (junk / "binary.de-DE.md").write_bytes(bytes(range(256)))
    (junk / "latin.it-IT.md").write_bytes("# Résumé\n".encode("latin-1"))
    (junk / "sub" / "guide.fr-FR.md").write_text("---\nx: !!python/object/apply:os.system ['exit 3']\n---\n# Titre\n", encoding="utf-8")
    hostile = "*a " * 3000 + "\n\n# " + " " * 20_000 + "x\n"
    (junk / "hostile.md").write_text(f"---\nms.contentlocale: fr-FR\n---\n{hostile}", encoding="utf-8")
    result = cli("check", "docs", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr == ""
    assert [line.split(" error ")[0] for line in result.stdout.splitlines() if " WL001 " in line] == [
        "docs/binary.de-DE.md:1:1: WL001",
        "docs/broken.fr-FR.md:1:1: WL001",
        "docs/latin.it-IT.md:1:1: WL001",
    ]
    assert "cannot be read: No such file or directory (a broken symbolic link)" in result.stdout


def test_findings_do_not_depend_on_the_hash_seed(corpus_copy: Path) -> None:
    """Set and dict order of strings changes with PYTHONHASHSEED from one process to the next."""
    runs = {cli("check", ".", "--format", "json", "--jobs", "1", cwd=corpus_copy, seed=seed).stdout for seed in ("1", "2")}
    assert len(runs) == 1 and len(json.loads(runs.pop())["findings"]) > 40


def _module_patterns() -> dict[re.Pattern[str], list[str]]:
    """Every regular expression compiled at module level in lint/ and checks/, with the names it goes by."""
    found: dict[re.Pattern[str], list[str]] = {}
    for package in (lint, checks):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if not info.name.endswith("__main__"):
                module = importlib.import_module(info.name)
                for name, value in vars(module).items():
                    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                        found.setdefault(value, []).append(f"{info.name}.{name}")
    return found


PATTERNS = _module_patterns()
SOURCES = "\n".join(inspect.getsource(importlib.import_module(name.rpartition(".")[0])) for names in PATTERNS.values() for name in names)
RUNS = [" ", "\t", "\xa0", "\n", "a", "_", "0", "é", "中", ".", ",", "-", "/", ":", "\\", "[", "*", "<", "`", "&", '"', "|",
        "0x", "0x8007232B, ", '<a name="', "a.", "a ", "1,", "-a"]  # fmt: skip
LEADS = ("", "0x8007232B", "<!-- winact-lint-disable ", "- ", "https://x")


def _uses(names: list[str]) -> set[str]:
    """How the code applies the pattern: anchored (match, fullmatch) or scanning (search, finditer, sub…)."""
    called = {method for name in names for method in re.findall(rf"\b{re.escape(name.rpartition('.')[2])}\.(\w+)\(", SOURCES)}
    uses = {"scan" if method in ("search", "finditer", "findall", "sub", "subn", "split") else method for method in called}
    return uses & {"match", "fullmatch", "scan"} or {"match", "fullmatch", "scan"}


def exercise(pattern: re.Pattern[str], uses: set[str], seconds: float) -> None:
    """Apply the pattern the way the code does to 20,000-character runs that end in a mismatch."""
    with deadline(seconds):
        for lead in LEADS:
            for unit in RUNS:
                text = lead + unit * (20_000 // len(unit)) + "\x00!"
                for use in uses:
                    if use == "scan":
                        sum(1 for _ in pattern.finditer(text))
                    else:
                        getattr(pattern, use)(text)


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda pattern: PATTERNS[pattern][0])
def test_no_regular_expression_backtracks_catastrophically(pattern: re.Pattern[str]) -> None:
    """A linear pattern takes milliseconds per text here; a quadratic one seconds, an exponential one forever."""
    exercise(pattern, _uses(PATTERNS[pattern]), seconds=10)


def test_the_regular_expression_check_catches_quadratic_backtracking() -> None:
    with pytest.raises(Hang):
        exercise(re.compile(r"\s*(0[xX][0-9A-Fa-f]{8})\s*[.;,]?\s*"), {"fullmatch"}, seconds=1)


def test_a_path_that_cannot_be_looked_at_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As root nothing is ever denied, so the denial is simulated: stat() fails on a folder without permission."""
    locked = tmp_path / "locked"
    stat = Path.stat

    def denied(path: Path, **kwargs: bool) -> os.stat_result:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return stat(path, **kwargs)

    monkeypatch.setattr(Path, "stat", denied)
    assert main(["check", str(locked)]) == 2
    assert capsys.readouterr().err == f"winact-lint: error: {locked}: Permission denied\n"


def test_two_files_claiming_one_locale_are_each_reported_once(tmp_path: Path) -> None:
    """The file whose path agrees with its front matter keeps the locale, even when the other sorts first."""
    for name, locale in (("guide.de-DE.md", "de-DE"), ("guide.ca-ES.md", "de-DE"), ("guide.fr-FR.md", "fr-FR")):
        (tmp_path / name).write_text(ARTICLE.format(locale=locale, extra="Texte."), encoding="utf-8")
    (tmp_path / "guide.de-de.md").write_text("---\ntitle: [x\n---\n# Titre\n", encoding="utf-8")
    findings = run([tmp_path], select=["WL0", "WL103"])
    assert where(findings) == [
        ("WL002", "guide.ca-ES.md", 1),
        ("WL103", "guide.ca-ES.md", 2),
        ("WL002", "guide.de-de.md", 1),
        ("WL001", "guide.de-de.md", 3),
    ]


def test_a_parser_bug_is_a_finding_on_that_file_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise IndexError("list index out of range")

    monkeypatch.setattr("lint.parse.find_code_list", broken)
    message = "internal error while parsing (IndexError: list index out of range); please report it"
    assert read_article(str(corpus_file("fr-FR"))).problems == ((Location(str(corpus_file("fr-FR")), 1, 1), message),)


def test_a_rule_bug_is_a_finding_on_the_file_checked(corpus_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The group's primary article (zh-CN) is only read, not checked: the crash is told on the file named."""

    def broken(group: object) -> Iterator[Finding]:
        raise KeyError("0x8007232B")

    monkeypatch.setitem(RULES, "WL201", dataclasses.replace(RULES["WL201"], check=broken))
    (finding,) = run([corpus_copy / "activation-error-codes.fr-FR.md"], select=["WL201"])
    assert (Path(finding.loc.path).name, finding.rule, str(finding.severity)) == ("activation-error-codes.fr-FR.md", "WL201", "error")
    assert finding.message.startswith("internal error in rule WL201 (KeyError: '0x8007232B' at ")

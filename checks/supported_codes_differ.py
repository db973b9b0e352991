from collections.abc import Iterator
from functools import partial

from lint.finding import Edit, Finding
from lint.group import ArticleGroup, Verdict
from lint.model import Article, CodeList, Location
from lint.registry import rule


@rule("WL301", severity="error", fixable=True)
def supported_codes_differ(group: ArticleGroup) -> Iterator[Finding]:
    """The diagnostic tool's list of supported codes differs from the other locales'.

    Why: the list is data, not prose; a code missing in one locale tells its readers that the tool
    cannot help them when it can. Each code is decided on its own: when the locales translated from
    the newest source revision agree on it, the older translations are the ones reported, with the
    revision they came from; a code one hex digit or two away from a missing one is called mistyped.
    Fix: missing codes are inserted in the reference's order, in the file's own separator style,
    when the file lists nothing the reference lacks.
    Bad:  Les codes suivants sont pris en charge : 0xC004F038, 0xC004F039.
    Good: Les codes suivants sont pris en charge : 0xC004F038, 0xC004F039, 0x8007007b.
    """
    lists = [a for a in group if a.code_list]
    if len(lists) < 2:
        return
    every_code = {code.text: code.raw for a in lists for code in a.code_list.codes}  # type: ignore[union-attr]
    typos = _typos(lists, every_code)
    spellings = {code: {code} | {typo for typo, meant in typos.items() if meant == code} for code in every_code if code not in typos}
    verdicts = {code: group.verdict(partial(_lists, codes=spelled)) for code, spelled in spellings.items()}
    listed = [code for code, verdict in verdicts.items() if verdict is None or verdict.reference]
    reference = max(lists, key=lambda a: len(a.code_list.code_set & set(listed)))  # type: ignore[union-attr]
    for article in lists:
        own = article.code_list
        assert own is not None
        mine = {code: v for code, v in verdicts.items() if v is not None and v.basis != "tie" and article in v.deviating}
        mistyped = [f"{every_code[t]} looks like a mistyped {every_code[m]}" for t, m in typos.items() if t in own.code_set]
        if not mine and not mistyped:
            continue
        missing = [c for c in mine if mine[c].reference]
        extra = [c for c in mine if not mine[c].reference]
        described = "; ".join(mistyped + ([_describe(missing, extra, every_code)] if mine else []))
        reason = _reason(group, article, mine) if mine else "the other locales spell it so"
        yield Finding(
            own.run.loc if own.run else own.loc,
            f"supported-codes list: {described}; {reason}",
            locale=article.locale or "",
            related=group.related(tuple(a for a in lists if a.code_list.code_set != own.code_set), _list_view),  # type: ignore[union-attr]
            key="supported-codes",
            excerpt=own.run.raw if own.run else "",
            fixes=_insert_missing(own, reference.code_list, set(listed)) if missing and not extra and not mistyped else (),  # type: ignore[arg-type]
            cause="stale-revision" if mine and not mistyped and all(v.stale for v in mine.values()) else "",
        )


def _lists(article: Article, codes: set[str]) -> bool:
    return article.code_list is not None and bool(codes & article.code_list.code_set)


def _typos(lists: list[Article], codes: dict[str, str]) -> dict[str, str]:
    """Codes one or two hex digits away from another code that no locale lists beside them: typo -> meant.

    The spelling meant is the one more locales list; on a tie, the one the locales' tables have a row for.
    """
    holders = {code: {a.path for a in lists if code in a.code_list.code_set} for code in codes}  # type: ignore[union-attr]
    in_tables = {code: sum(bool(a.rows_for(code)) for a in lists) for code in codes}
    typos: dict[str, str] = {}
    for first in codes:
        for second in codes:
            near = first < second and sum(a != b for a, b in zip(first, second, strict=True)) <= 2
            if near and not holders[first] & holders[second]:
                ranked = sorted((first, second), key=lambda c: (len(holders[c]), in_tables[c]))
                if (len(holders[ranked[0]]), in_tables[ranked[0]]) != (len(holders[ranked[1]]), in_tables[ranked[1]]):
                    typos[ranked[0]] = ranked[1]
    return typos


def _describe(missing: list[str], extra: list[str], spelled: dict[str, str]) -> str:
    parts = [f"{', '.join(spelled[c] for c in missing)} missing"] if missing else []
    parts += [f"{', '.join(spelled[c] for c in extra)} listed here only"] if extra else []
    return "; ".join(parts)


def _reason(group: ArticleGroup, article: Article, verdicts: dict[str, Verdict[bool]]) -> str:
    if all(v.stale for v in verdicts.values()):
        return group.stale_note(article, next(iter(verdicts.values())))
    parts = []
    for listed, pronoun in ((True, "list"), (False, "do not list")):
        codes = [code for code, v in verdicts.items() if v.reference is listed]
        holders = sorted({a.locale or a.path for code in codes for a in verdicts[code].holders})
        if codes:
            parts.append(f"{', '.join(holders)} {pronoun} {'it' if len(codes) == 1 else 'them'}")
    return "; ".join(parts)


def _list_view(other: Article) -> tuple[Location, str] | None:
    listed = other.code_list
    if listed is None:
        return None
    return (listed.run.loc if listed.run else listed.loc, listed.run.raw if listed.run else ", ".join(c.raw for c in listed.codes))


def _insert_missing(listed: CodeList, reference: CodeList, wanted: set[str]) -> tuple[Edit, ...]:
    """The list with the wanted codes it lacks inserted where the reference has them; () when that is ambiguous."""
    own = {c.text: c.raw for c in listed.codes}
    order = [c.text for c in reference.codes if c.text in wanted]
    if listed.run is None or set(wanted) - set(order) or [c.text for c in listed.codes] != [t for t in order if t in own]:
        return ()
    merged = listed.separator.join(own.get(c.text, c.raw) for c in reference.codes if c.text in wanted)
    return (Edit(listed.run.loc.line, listed.run.loc.col, listed.run.raw, merged),)

from collections.abc import Iterator

from lint.finding import Edit, Finding
from lint.group import ArticleGroup
from lint.model import Article, CodeList, Location
from lint.registry import rule


@rule("WL301", severity="error", fixable=True)
def supported_codes_differ(group: ArticleGroup) -> Iterator[Finding]:
    """The diagnostic tool's list of supported codes differs from the other locales'.

    Why: the list is data, not prose; a code missing in one locale tells its readers that the tool
    cannot help them when it can. When the locales translated from the newest source revision
    agree, the older translations are the ones reported, with the revision they came from.
    Fix: missing codes are inserted in the reference's order, in the file's own separator style,
    when the file lists nothing the reference lacks.
    Bad:  Les codes suivants sont pris en charge : 0xC004F038, 0xC004F039.
    Good: Les codes suivants sont pris en charge : 0xC004F038, 0xC004F039, 0x8007007b.
    """
    verdict = group.verdict(lambda a: a.code_list.code_set if a.code_list else None)
    if verdict is None or verdict.reference is None:
        return
    reference = next(a.code_list for a in verdict.holders if a.code_list)
    for article in verdict.deviating:
        listed = article.code_list
        if listed is None:
            continue
        missing = [c.raw for c in reference.codes if c.text not in listed.code_set]
        extra = [c.raw for c in listed.codes if c.text not in reference.code_set]
        parts = [f"{', '.join(missing)} missing"] if missing else []
        parts += [f"{', '.join(extra)} listed here only"] if extra else []
        who = ", ".join(a.locale or a.path for a in verdict.holders)
        reason = group.stale_note(article, verdict) if verdict.stale else f"{who} list{'s' if len(verdict.holders) == 1 else ''} {len(reference.codes)} codes"
        yield Finding(
            listed.loc if not listed.run else listed.run.loc,
            f"supported-codes list: {'; '.join(parts)}; {reason}",
            locale=article.locale or "",
            related=group.related(verdict.holders, _list_view),
            key="supported-codes",
            excerpt=listed.run.raw if listed.run else "",
            fixes=_insert_missing(listed, reference) if missing and not extra else (),
            cause="stale-revision" if verdict.stale else "",
        )


def _list_view(other: Article) -> tuple[Location, str] | None:
    listed = other.code_list
    if listed is None:
        return None
    return (listed.run.loc if listed.run else listed.loc, listed.run.raw if listed.run else ", ".join(c.raw for c in listed.codes))


def _insert_missing(listed: CodeList, reference: CodeList) -> tuple[Edit, ...]:
    own = {c.text: c.raw for c in listed.codes}
    order = [c.text for c in reference.codes]
    if listed.run is None or [c.text for c in listed.codes] != [t for t in order if t in own]:
        return ()
    merged = listed.separator.join(own.get(c.text, c.raw) for c in reference.codes)
    return (Edit(listed.run.loc.line, listed.run.loc.col, listed.run.raw, merged),)

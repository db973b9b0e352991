from collections.abc import Iterator

from lint.align import because, who
from lint.drift import drifts
from lint.finding import Edit, Finding
from lint.group import ArticleGroup
from lint.mentions import source_end, unformatted
from lint.registry import rule


@rule("WL604", severity="warning", fixable=True)
def formatting_lost(group: ArticleGroup) -> Iterator[Finding]:
    """A command the other locales set in bold or as code is plain text here.

    Why: readers copy what is bold or code; plain text runs into the sentence around it, and in
    some scripts cannot be told apart from it. Placeholders (`<ID de confirmation>`, `<確認 ID>`)
    may be translated.
    Fix: the command is wrapped in the markers the other locales use.
    Bad:  请运行 slmgr /atp &lt;Confirmation ID&gt;。
    Good: 请运行 **slmgr /atp &lt;Confirmation ID&gt;**。
    """
    for drift in drifts(group, "commands"):
        lost = {id(c.missing): c for c in drift.changes if c.missing and not c.extra}
        for missing, plain in unformatted(drift.section, [c.missing for c in lost.values() if c.missing]):
            if plain is None:
                continue
            change, (block, start, end) = lost[id(missing)], plain
            marker = missing.text[: len(missing.text) - len(missing.text.lstrip("*_`"))]
            where, after = block.loc_at(start), source_end(block, end)
            suffix, cause = because(group, drift.article, change.verdict)
            yield Finding(
                where,
                f"{block.text[start:end]} is plain text; {who(change.verdict.holders)} set it {_styled(marker)}: {missing.text}{suffix}",
                locale=drift.article.locale or "",
                related=drift.related(group, change),
                key=drift.aligned.finding_key(f"formatting:{missing.value}"),
                excerpt=block.text[start:end],
                fixes=(Edit(where.line, where.col, "", marker), Edit(after.line, after.col, "", marker)) if after else (),
                cause=cause,
            )


def _styled(marker: str) -> str:
    return "as code" if marker.startswith("`") else "in bold" if len(marker) > 1 else "in italics"

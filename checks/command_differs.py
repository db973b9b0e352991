from collections.abc import Iterator

from lint.align import because, drifts, subject, who
from lint.finding import Finding, Severity
from lint.group import ArticleGroup
from lint.mentions import commands, unformatted
from lint.registry import rule


@rule("WL603", severity="error")
def command_differs(group: ArticleGroup) -> Iterator[Finding]:
    """A command, switch, file name or path (bold or code) differs from the other locales' or is missing.

    Why: commands are typed as written; a changed switch runs another command, a missing one
    leaves the step without its command. Placeholders (`<ID de confirmation>`, `<確認 ID>`) may
    be translated; a command written as plain text is WL604's. A command only this locale has
    is a warning.
    Bad:  exécutez **slmgr.vbs /dli**   (the other locales: **slmgr.vbs /ato**)
    Good: exécutez **slmgr.vbs /ato**
    """
    for drift in drifts(group, commands):
        suffix, cause = because(group, drift.article, drift.verdict)
        holders = who(drift.verdict.holders)
        pairs = list(drift.pairs())
        alone = [missing for missing, extra in pairs if missing and not extra]
        absent = {id(m) for m, plain in unformatted(drift.section, alone) if plain is None}
        for missing, extra in pairs:
            if missing and extra:
                loc, message, severity = extra.loc, f"{extra.text} where {holders} have {missing.text}", None
            elif missing and id(missing) in absent:
                loc, message, severity = drift.place(missing), f"{missing.text} is missing here; {holders} have it", None
            elif extra:
                loc, message, severity = extra.loc, f"{extra.text} is only in this locale; {holders} do not have it here", Severity.WARNING
            else:
                continue
            yield Finding(
                loc,
                message + suffix,
                locale=drift.article.locale or "",
                related=drift.related(group, missing.value if missing else None),
                key=drift.aligned.finding_key(f"command:{subject(missing, extra)}"),
                excerpt=extra.text if extra else "",
                cause=cause,
                severity=severity,
            )


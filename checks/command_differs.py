from collections.abc import Iterator

from lint.align import who
from lint.drift import drifts
from lint.finding import Finding, Severity
from lint.group import ArticleGroup
from lint.mentions import unformatted
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
    for drift in drifts(group, "commands"):
        alone = [change.missing for change in drift.changes if change.missing and not change.extra]
        written = {id(mention) for mention, plain in unformatted(drift.section, alone) if plain}
        for change in drift.changes:
            missing, extra = change.missing, change.extra
            holders = who(change.verdict.holders)
            severity = None
            if missing and extra:
                message = f"{extra.text} where {holders} have {missing.text}"
            elif missing and id(missing) not in written:
                message = f"{missing.text} is missing here; {holders} have it"
            elif extra and not missing:
                message, severity = f"{extra.text} is only in this locale; {holders} do not have it here", Severity.WARNING
            else:
                continue
            yield drift.finding(group, change, message, "command", severity)

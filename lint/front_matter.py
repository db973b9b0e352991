"""YAML front matter: every value kept as the string written, with the line of every key.

python-frontmatter finds the block; the YAML is only *composed* (never constructed), so tags such
as `!!python/object` are inert, aliases are never expanded, and `0123`, `no` and `2019-09-18`
stay the strings they were written as.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import frontmatter
import yaml

from lint.inline import Source
from lint.model import FrontMatterEntry, Location

_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_MAX_NESTING = 100  # libyaml's composer recurses in C: far deeper nesting would crash the process
_COLLECTION_MARKS = "[{-?:"  # every collection YAML opens takes one of these of its own: `[`, `{`, its first `-`, `?` or `:`


@dataclass(frozen=True)
class FrontMatter:
    entries: tuple[FrontMatterEntry, ...]
    body_start: int  # offset of the first body character
    problems: tuple[tuple[Location, str], ...]


def read_front_matter(source: Source) -> FrontMatter:
    handler = frontmatter.YAMLHandler()
    text = source.text
    if not handler.detect(text):
        return FrontMatter((), 0, ())
    assert handler.FM_BOUNDARY is not None
    opening, *closing = islice(handler.FM_BOUNDARY.finditer(text), 2)
    yaml_start = text.find("\n", opening.start()) + 1 or len(text)
    if not closing:
        problem = (source.loc(opening.start()), "front matter is never closed: no line `---` after the opening one")
        return FrontMatter((), 0, (problem,))
    yaml_end = closing[0].start()
    body_start = text.find("\n", yaml_end) + 1 or len(text)
    first_line = source.loc(yaml_start).line
    try:
        root = _compose(text[yaml_start:yaml_end])
    except (yaml.YAMLError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        where = Location(source.path, first_line + (mark.line if mark else 0), (mark.column + 1) if mark else 1)
        reason = getattr(error, "problem", None) or type(error).__name__
        return FrontMatter((), body_start, ((where, f"front matter is not valid YAML: {reason}"),))
    if root is None:
        return FrontMatter((), body_start, ())
    if not isinstance(root, yaml.MappingNode):
        where = Location(source.path, first_line, 1)
        return FrontMatter((), body_start, ((where, "front matter is not a mapping of keys to values"),))
    entries = tuple(
        FrontMatterEntry(_scalar(key), _value(value), Location(source.path, first_line + key.start_mark.line, key.start_mark.column + 1))
        for key, value in root.value
    )
    return FrontMatter(entries, body_start, ())


def _compose(text: str) -> yaml.Node | None:
    """The YAML's node tree, after a streaming pass has checked that its nesting is not too deep.

    Text with too few collection marks to nest that deep is composed without the pass: the same tree. When composing
    fails, the pass goes first as for other text: its error, met further on, is the one to tell."""
    if sum(map(text.count, _COLLECTION_MARKS)) <= _MAX_NESTING:
        try:
            return yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError:
            pass
    _check_nesting(text)
    return yaml.compose(text, Loader=_LOADER)


def _check_nesting(text: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > _MAX_NESTING:
                mark = event.start_mark  # libyaml's C Mark: the fields of yaml.Mark, another class
                raise yaml.MarkedYAMLError(problem=f"nested more than {_MAX_NESTING} levels deep", problem_mark=mark)  # type: ignore[arg-type]
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _scalar(node: yaml.Node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else "…"


def _value(node: yaml.Node) -> str | tuple[str, ...]:
    if isinstance(node, yaml.SequenceNode):
        return tuple(_scalar(item) for item in node.value)
    return _scalar(node)

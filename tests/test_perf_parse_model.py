"""The parser's constructors (`new_location`, `new_block`…) make the very objects the model classes make."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
import random
from collections.abc import Callable
from typing import Any

import pytest

from lint.model import (
    Block,
    Inline,
    Location,
    Piece,
    Section,
    TableRow,
    new_block,
    new_inline,
    new_location,
    new_piece,
    new_section,
    new_table_row,
)

CONSTRUCTORS: list[tuple[type, Callable[..., Any]]] = [
    (Location, new_location),
    (Piece, new_piece),
    (Inline, new_inline),
    (Block, new_block),
    (Section, new_section),
    (TableRow, new_table_row),
]


def _values(generator: random.Random) -> dict[str, Any]:
    word = "".join(generator.choice("ab #[]\n") for _ in range(generator.randint(0, 4)))
    loc = Location(word, generator.randint(1, 9), generator.randint(1, 9))
    return {
        "path": word, "kind": generator.choice(["link", "html", "heading"]), "text": word, "raw": word[::-1],
        "target": word * 2, "loc": loc, "pieces": (Piece(0, 1, 2),) * generator.randint(0, 2),
        "inlines": (Inline("link", word, word, loc),) * generator.randint(0, 2), "callout": word, "number": word,
        "heading": Block("heading", loc, word), "title": word, "anchor": word, "code": word or None, "anchor_code": None,
        "blocks": (Block("paragraph", loc),), "children": (), "link": Inline("link", word, word, loc) if word else None,
        "message": Block("table-cell", loc), "activation_types": (Inline("item", word, word, loc),), "cells": (),
    }  # fmt: skip


@pytest.mark.parametrize(("cls", "construct"), CONSTRUCTORS)
def test_the_constructor_takes_the_fields_of_the_class(cls: type, construct: Callable[..., Any]) -> None:
    parameters = inspect.signature(construct).parameters.values()
    assert [(p.name, p.default) for p in parameters] == [(p.name, p.default) for p in inspect.signature(cls).parameters.values()]


@pytest.mark.parametrize(("cls", "construct"), CONSTRUCTORS)
def test_the_constructor_makes_what_the_class_makes(cls: Any, construct: Callable[..., Any]) -> None:
    generator = random.Random(20261122)
    parameters = inspect.signature(cls).parameters.values()
    names = [p.name for p in parameters]
    required = sum(1 for p in parameters if p.default is inspect.Parameter.empty)
    for _ in range(300):
        values = _values(generator)
        arguments = [values.get(name, generator.randint(0, 9)) for name in names]
        given = generator.randint(required, len(names))  # the rest left to their defaults
        expected: Any = cls(*arguments[:given])
        made: Any = construct(*arguments[:given])
        assert type(made) is cls and made == expected and hash(made) == hash(expected)
        assert dataclasses.astuple(made) == dataclasses.astuple(expected)
        assert pickle.loads(pickle.dumps(made)) == expected
        assert hasattr(made, "__dict__") == hasattr(expected, "__dict__")
        with pytest.raises(dataclasses.FrozenInstanceError):
            made.line = 5

"""Helpers the English analysis uses to skip work; each must answer as the slower way it replaces."""

import random

import pytest

from lint.english import phrase_in, words_of


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Windows Server 2019", ("Windows", "Server"), True),
        ("Windows Vista, Windows 7", ("Vista", "Windows"), True),  # punctuation between words
        ("Windows\nServer", ("Windows", "Server"), True),  # the blocks of an article are joined by line breaks
        ("Microsoft Windows Server", ("Windows", "Server"), True),
        ("MyWindows Server", ("Windows", "Server"), False),  # inside a longer word
        ("Windows Servers", ("Windows", "Server"), False),
        ("l'Windows Server", ("Windows", "Server"), False),  # l'Windows is one word
        ("''Windows Server", ("Windows", "Server"), True),
        ("Windows' Server", ("Windows", "Server"), True),  # an apostrophe ending a word is not part of it
        ("Windows'Server", ("Windows", "Server"), False),
        ("Windows 注 Server", ("Windows", "Server"), True),  # other scripts are not Latin words
        ("Windows 2 Server", ("Windows", "Server"), True),
        ("windows server", ("Windows", "Server"), False),  # case counts
        ("Windows Server, Windows Vista", ("Windows", "Vista"), True),  # the second "Windows" is the one
        ("don't stop", ("don't", "stop"), True),
    ],
)
def test_phrase_in_agrees_with_the_word_list(text: str, phrase: tuple[str, ...], expected: bool) -> None:
    assert phrase_in(text, phrase) is expected
    assert (f" {' '.join(phrase)} " in f" {' '.join(words_of(text))} ") is expected


def test_phrase_in_agrees_with_the_word_list_on_random_texts() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice("ab’' ,\né注1") for _ in range(rng.randrange(1, 14)))
        words = words_of(text) + ["a", "b", "ab", "é"]
        phrase = tuple(rng.choice(words) for _ in range(rng.randrange(1, 4)))
        assert phrase_in(text, phrase) is (f" {' '.join(phrase)} " in f" {' '.join(words_of(text))} "), (text, phrase)

"""Faster forms of the English analysis' patterns and tests; each must answer as the plainer form it replaces."""

import random
import re

from lint.english import (
    _LATIN_WORDS,
    _LOWER_PAIR,
    _surely_without,
    mask_not_prose,
    might_be_english,
    might_be_english_at,
    word_sets,
    words_of,
)
from lint.function_words import ENGLISH

_PLAIN_NOT_PROSE = re.compile(
    r"https?://\S+|www\.\S+"
    r"|0[xX][0-9A-Fa-f]{8}"
    r"|<[^<>\s][^<>]{0,80}>"
    r"|(?<![\w/])[/-]{1,2}[A-Za-z][\w:=-]*"
    r"|\b\w++(?:[.\\:]\w++)++\b"
    r"|\b[^\W\d_]*+[\d_]\w*+"
)
_PIECES = ["http", "https://", "www.", "0x", "0X", "1234ABCD", "<", ">", "/", "-", "--", "a", "Fb", "_", "7", ".", "\\", ":"]
_PIECES += ["=", " ", "\t", "\n", "é", "注", "x", "'"]


def test_mask_not_prose_agrees_with_the_plain_pattern_on_random_texts() -> None:
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 12)))
        assert mask_not_prose(text) == _PLAIN_NOT_PROSE.sub(lambda m: " " * len(m.group()), text), text


_WORDS = ["the", "of", "a", "on", "le", "l", "don", "t", "dON", "'", "’", " ", "\n", "é", "注", "Т", "x", "1", "-", "İ", "abc de"]


def _has_function_word(text: str, language: str, latin_script: bool) -> bool:
    """The plain form of `might_be_english`: the words of the lower-cased text, listed and looked up."""
    english = word_sets(language, latin_script)[0]
    return not english.isdisjoint(words_of(text.lower())) or (not latin_script and bool(_LOWER_PAIR.search(text)))


def test_might_be_english_agrees_with_looking_each_word_up_on_random_texts() -> None:
    rng = random.Random(5)
    for language, latin_script in [("fr", True), ("es", True), ("xx", True), ("ja", False), ("ru", False)]:
        for _ in range(300):
            texts = ["".join(rng.choice(_WORDS) for _ in range(rng.randrange(0, 8))).replace("\n", " ") for _ in range(rng.randrange(1, 8))]
            expected = {index for index, text in enumerate(texts) if _has_function_word(text, language, latin_script)}
            assert might_be_english_at(texts, language, latin_script) == expected, (texts, language)
            assert {index for index, text in enumerate(texts) if might_be_english(text, language, latin_script)} == expected, texts


_EDGES = ["the", "The", "THE", "don't", "DON’T", "it’s", "can", "isn", "dOn", "t", "l'", "’", "'", "of", "o", "f", "is", "mis"]
_EDGES += [" ", "\n", "\xa0", "…", "1", "-", "a", "é", "É", "à", "注", "Т", "ª", "µ", "İ", "\u212a", "\ud800"]


def test_surely_without_is_never_wrong_on_random_texts() -> None:
    rng = random.Random(3)
    for language in ["fr", "es", "de", "xx"]:
        for _ in range(3000):
            text = "".join(rng.choice(_EDGES) for _ in range(rng.randrange(0, 9)))
            if _surely_without(word_sets(language, True)[0], text):
                assert not _has_function_word(text, language, True), (text, language)


def test_function_words_are_what_reading_ascii_letters_alone_can_find() -> None:
    """`_surely_without` reads ASCII letters only: it would miss a function word holding another letter, or one that
    only a letter from outside ASCII lowers into (İ to "i" and a combining dot, the Kelvin sign to "k")."""
    assert all(word.isascii() for word in ENGLISH)
    assert not any("k" in word or word.endswith("i") for word in ENGLISH)


_LATIN1 = ["Windows", "Server", "é", "À", "ÿ", "×", "÷", "ª", "µ", "º", "\xa0", "\x85", " ", "\n", "1", "_", "-", "'", "’", "注", "a"]


def test_words_of_agrees_with_the_pattern_on_random_texts() -> None:
    rng = random.Random(13)
    for _ in range(5000):
        text = "".join(rng.choice(_LATIN1) for _ in range(rng.randrange(0, 10)))
        assert words_of(text) == _LATIN_WORDS.findall(text), text

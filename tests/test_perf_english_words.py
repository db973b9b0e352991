"""The quick English test looks the lower-cased words up in a set instead of searching with a pattern of all the
function words (which took 15-26M instructions to compile per word set); it must answer as that pattern did."""

import random
import re

from lint.english import _LATIN, _LATIN_WORDS, _LOWER_PAIR, might_be_english, might_be_english_at, word_sets
from lint.function_words import ENGLISH, FUNCTION_WORDS

_ENDS_WORD = rf"(?![{_LATIN}])(?!['’][{_LATIN}])"


def _searches(english: frozenset[str], latin_script: bool) -> list[re.Pattern[str]]:
    """The patterns the quick test used to search lower-cased text with, a line break in front of it."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(english):
        by_first.setdefault(re.escape(word[0]), []).append(re.escape(word[1:]))
    if latin_script:
        words = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in by_first.items())
        return [
            re.compile(rf"[^{_LATIN}'’](?:{words}){_ENDS_WORD}"),
            re.compile(rf"['’](?<![{_LATIN}]['’])(?:{words}){_ENDS_WORD}"),
        ]
    after_first = "|".join(f"(?<={first})(?:{'|'.join(rests)})" for first, rests in by_first.items())
    return [re.compile(rf"[{''.join(by_first)}](?<![{_LATIN}].)(?<![{_LATIN}]['’].)(?:{after_first}){_ENDS_WORD}")]


_PATTERNS = {
    (language, latin_script): _searches(word_sets(language, latin_script)[0], latin_script)
    for language, latin_script in [("fr", True), ("es", True), ("de", True), ("xx", True), ("ja", False), ("ru", False)]
}


def _searched(text: str, language: str, latin_script: bool) -> bool:
    if not latin_script and _LOWER_PAIR.search(text):
        return True
    return any(search.search("\n" + text.lower()) for search in _PATTERNS[(language, latin_script)])


_PIECES = ["the", "The", "THE", "don't", "DON’T", "don", "t", "it’s", "it's", "isn", "l'", "’", "'", "''", "of", "o", "f"]
_PIECES += ["in", "a", "A", "on", "no", "le", "de", "und", "mis", "is", "as", "at", " ", "  ", "\n", "\t", "\xa0", "…", "1", "-"]
_PIECES += [".", "(", "é", "É", "à", "ß", "注", "の", "Т", "т", "ª", "µ", "İ", "\u212a", "\u0307", "\ud800", "server", "DNS"]


def test_function_words_are_whole_latin_words() -> None:
    """A set looks up the words the text is cut into: a function word with any other character would never be found."""
    for words in [ENGLISH, *FUNCTION_WORDS.values()]:
        assert all(_LATIN_WORDS.fullmatch(word) for word in words)
        assert all(word == word.lower() for word in words)


def test_quick_test_agrees_with_the_function_word_patterns_on_random_texts() -> None:
    rng = random.Random(17)
    for (language, latin_script), _ in _PATTERNS.items():
        for _ in range(400):
            texts = ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 9))) for _ in range(rng.randrange(1, 7))]
            expected = {index for index, text in enumerate(texts) if _searched(text, language, latin_script)}
            assert {index for index, text in enumerate(texts) if might_be_english(text, language, latin_script)} == expected, texts
            assert might_be_english_at(texts, language, latin_script) == expected, (texts, language)

import pytest

from lint.english import might_be_english, might_be_english_at, word_sets, words_of

TEXTS = [
    "Redémarrez le service de licences.",  # French only
    "Then run the wizard again",  # "the", "then"
    "the’s l'the",  # "the" only inside other words
    "2the",  # holds the word "the": digits are not Latin
    "bathe or scathed",  # "the" only inside other words
    "Don't",  # the listed word "don't"
    "İs",  # lower-cases into two characters
    "Tiếng Việt: the",
    "サーバー the 再起動",
    "dns server",  # two lower-case words, no function word
    "",
]


def by_words(text: str, language: str, latin_script: bool) -> bool:
    """The definition: a Latin word of the lower-cased text is an English function word of the language."""
    return not word_sets(language, latin_script)[0].isdisjoint(words_of(text.lower()))


def test_might_be_english_at_finds_the_texts_with_an_english_function_word() -> None:
    assert might_be_english_at(TEXTS, "fr", True) == {1, 3, 5, 7, 8}
    assert might_be_english_at(TEXTS, "ja", False) == {1, 3, 4, 5, 7, 8, 9}  # "or", and two lower-case words in a row
    same_length = [text for text in TEXTS if text != "İs"]  # searched joined, not one by one
    assert might_be_english_at(same_length, "fr", True) == {1, 3, 5, 6, 7}
    assert might_be_english_at(same_length, "ja", False) == {1, 3, 4, 5, 6, 7, 8}


@pytest.mark.parametrize("language, latin_script", [("fr", True), ("es", True), ("xx", True), ("ja", False)])
def test_might_be_english_is_the_word_test(language: str, latin_script: bool) -> None:
    for index, text in enumerate(TEXTS):
        expected = by_words(text, language, latin_script) or (not latin_script and text == "dns server")
        assert might_be_english(text, language, latin_script) == expected, text
        assert might_be_english_at(TEXTS[index:] + TEXTS[:index], language, latin_script) == {
            (i - index) % len(TEXTS) for i in might_be_english_at(TEXTS, language, latin_script)
        }

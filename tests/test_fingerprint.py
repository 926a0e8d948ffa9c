"""Keys say "same inputs" only when the inputs are the same."""

from digest.fingerprint import UNIT, fingerprint, text_fingerprint


def test_text_fingerprint_is_stable_and_tells_texts_apart():
    assert text_fingerprint(["a", "b"]) == text_fingerprint(["a", "b"])
    assert text_fingerprint(["a", "b"]) != text_fingerprint(["a", "c"])
    assert text_fingerprint(["a", "b"]) != text_fingerprint(["ab"])


def test_a_text_holding_the_separator_cannot_pass_for_two_texts():
    # Joined, both lists would read "a|b|c": the separator inside a text must not let
    # an edit that moves it between fields keep the old key.
    first = text_fingerprint([f"a{UNIT}b", "c"])
    second = text_fingerprint(["a", f"b{UNIT}c"])
    assert first != second
    assert first == fingerprint(f"a{UNIT}b", "c")


def test_a_joined_key_never_equals_a_repr_key():
    # A one-text list whose text is the repr of other texts.
    texts = (f"x{UNIT}y", "z")
    assert text_fingerprint([repr(texts)]) != fingerprint(*texts)


def test_any_separator_may_join():
    assert text_fingerprint(["a", "b"], "\0") != text_fingerprint(["a\0b"], "\0")

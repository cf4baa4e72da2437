"""Characters catalog text may not carry into what is published, as one definition for whoever reads or checks text."""

import unicodedata

# C0 controls but Tab, LF and CR (Word's manual line break is U+000B), DEL, C1 controls and the two non-characters
# U+FFFE, U+FFFF: XML 1.0 refuses the C0 ones (an Atom feed or portal.xml holding one is not well-formed) and openpyxl
# refuses to write them. A regular expression's character class (without the brackets). Reading a catalog file takes
# them out (catalog.invisible); a model made from anything else refuses them (model.base).
CONTROL_CHARACTERS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"


# Hexadecimal digits as the letters a–p (0 → a … f → p): how gongkai writes a digest into what it publishes or
# exports, where a run of decimal digits could read as a number to the privacy scan (bafbecf60635511781874857 ends in
# a card number that passes Luhn) and stop the output for nothing the clerk could mend.
_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")


def lettered(hexdigits: str) -> str:
    """*hexdigits* (lower case, as hexdigest() writes them) in the letters a–p: never a digit."""
    return hexdigits.translate(_LETTERS)


# What people write between the digits of one number (spaces, dashes, dots, slashes, stars, brackets …): a number
# written 138-0595-1234 is one run of them.
_BETWEEN_DIGITS = frozenset(" \t\u00a0\u3000-‐‑‒–—―－−.．。·・/／_＿*＊`~\\()（）+＋:：,，、")


def shortened(text: str, limit: int, mark: str = "…") -> str:
    """*text* cut to at most *limit* characters and *mark*, for a message — never inside a number: the cut moves back
    to where the number starts. A message is masked as it is printed (privacy.mask, a layer above), and masking reads
    numbers whole: a mobile cut to its first ten digits (1385818273…) was no number to it, and nearly all of one to a
    reader of the CI log."""
    if len(text) <= limit:
        return text
    end = limit
    if _of_number(text[end - 1]) and (_of_number(text[end]) or text[end] in "Xx"):  # (an ID's last character)
        while end > 0 and _of_number(text[end - 1]):
            end -= 1
    return text[:end] + mark


def _of_number(character: str) -> bool:
    """A digit in any script (and 〇一二…), what is written between digits, or a character drawn as nothing (a
    zero-width space)."""
    return character.isnumeric() or character in _BETWEEN_DIGITS or unicodedata.category(character) == "Cf"

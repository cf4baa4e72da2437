"""Characters catalog text may not carry into what is published, as one definition for whoever reads or checks text."""

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


def cut_short(text: str, most: int, more: str = "…") -> str:
    """*text* as a message quotes it: whole, or its first *most* characters and *more*, never with the first part of a
    number cut at the edge. Such a part is no number to the masking every printed line goes through, and showed as it
    was: 「身份证号码11010519491231…」 (where and when someone was born), 「电话1381234…」. A run of digits (of any script,
    Chinese numerals too) and marks that the cut goes through is left out with the rest."""
    if len(text) <= most:
        return text
    end = most
    if _in_number(text[end]):
        while end and _in_number(text[end - 1]):
            end -= 1
    return text[:end] + more


def _in_number(character: str) -> bool:
    """Whether *character* may stand inside a number as people write one: a digit or numeral (3, ３, ③, 三), an ID's
    X, a mask's star, or a space, dash or other mark between its groups."""
    return character.isnumeric() or character in "Xx" or not character.isalnum()

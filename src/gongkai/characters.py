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

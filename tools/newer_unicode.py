"""Write src/gongkai/privacy/newer.py: the characters Unicode assigned after the version Python's unicodedata knows.

Python 3.11 reads Unicode 14.0; Unicode 15.0–17.0 added digits (Garay, Gurung Khema, Kirat Rai, Sunuwar, Ol Onal,
Tolong Siki, Kawi, Nag Mundari, Myanmar Pao and Eastern Pwo Karen, the outlined digits U+1CCF0…), symbols, format
characters and marks. Browsers draw them; the privacy detector must read them as the reader does. Node's regular
expressions carry ICU's Unicode data (Node 22 and later: Unicode 16 or 17): run by hand when a newer Unicode is out,

    python tools/newer_unicode.py        # needs node on PATH

and commit the module it writes. gongkai itself needs neither node nor this script.

    python tools/newer_unicode.py --unseen    # no node: writes privacy/unseen.py from Python's own unicodedata

writes the format characters and marks (Cf, Mn, Me) of the Unicode Python knows, run when Python's is newer.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "gongkai" / "privacy" / "newer.py"
UNSEEN = TARGET.with_name("unseen.py")
_JS = r"""
const cats = ["Nd","No","Nl","Pd","Ps","Pe","Pi","Pf","Pc","Po","Sm","Sc","Sk","So","Zs","Zl","Zp","Cf","Mn","Me","Mc",
              "Lu","Ll","Lt","Lm","Lo","Co","Cs","Cc"];
const tests = cats.map(k => [k, new RegExp(`^\\p{${k}}$`, "u")]);
const ignorable = /^\p{Default_Ignorable_Code_Point}$/u;
const out = {version: process.versions.unicode, ignorable: []};
for (const [k] of tests) out[k] = [];
for (let cp = 0; cp < 0x110000; cp++) {
  if (cp >= 0xD800 && cp <= 0xDFFF) continue;
  const s = String.fromCodePoint(cp);
  for (const [k, r] of tests) if (r.test(s)) { out[k].push(cp); break; }
  if (ignorable.test(s)) out.ignorable.push(cp);
}
console.log(JSON.stringify(out));
"""
# Kaktovik numerals (Unicode 15.0, No): U+1D2C0 is zero, U+1D2D3 nineteen.
KAKTOVIK = 0x1D2C0


def runs(codes: list[int]) -> list[tuple[int, int]]:
    found: list[list[int]] = []
    for code in sorted(codes):
        if found and code == found[-1][1] + 1:
            found[-1][1] = code
        else:
            found.append([code, code])
    return [(a, b) for a, b in found]


def spelled(pairs: list[tuple[int, int]], per_line: int = 5) -> str:
    items = [f"(0x{a:04X}, 0x{b:04X})" for a, b in pairs]
    lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return "(\n    " + ",\n    ".join(lines) + (",\n)" if items else ")")


def write_unseen() -> int:
    codes = [c for c in range(0x110000) if unicodedata.category(chr(c)) in ("Cf", "Mn", "Me")]
    version = unicodedata.unidata_version
    body = f'''"""What the Unicode Python knows ({version}) calls a format character (Cf) or a mark laid over the character
before it (Mn, Me): drawn as nothing, or over a digit that stays a digit to the reader (1 with U+0483 over it reads 1).

Written by `python tools/newer_unicode.py --unseen` from Python's unicodedata (do not edit by hand); newer.py has those
Unicode added since. Between the digits of a number any of them hides it from a detector that takes it for a letter:
138, U+1D173, 0595, U+1D173, 1234 (a musical format control between the groups) showed as a whole mobile
(tests/test_hostile15_gate.py).
"""

from __future__ import annotations

UNICODE_VERSION = "{version}"
FORMAT_AND_MARKS = {spelled(runs(codes))}
'''
    UNSEEN.write_text(body, encoding="utf-8")
    print(f"{UNSEEN}: Unicode {version}, {len(runs(codes))} runs")
    return 0


def main() -> int:
    if "--unseen" in sys.argv[1:]:
        return write_unseen()
    data = json.loads(subprocess.run(["node", "-e", _JS], check=True, capture_output=True, text=True).stdout)
    new = {k: [c for c in v if unicodedata.category(chr(c)) == "Cn"] for k, v in data.items() if k != "version"}
    zeros = [a for a, b in runs(new["Nd"]) for a in range(a, b + 1, 10)]
    assert all(c in new["Nd"] for z in zeros for c in range(z, z + 10)), "a decimal digit set is not ten in a row"
    marks = [c for k in ("Ps", "Pe", "Pi", "Pf", "Pc", "Po", "Sm", "Sc", "Sk", "So") for c in new[k]]
    invisible = new["Cf"] + new["Mn"] + new["Me"] + new["ignorable"]
    assigned = [c for k, v in new.items() if k not in ("ignorable",) for c in v]
    known = {c for k, v in data.items() if k != "version" for c in v}
    # (nor a surrogate, nor a noncharacter: U+FDD0–FDEF and the last two of every plane are never assigned)
    unassigned = [c for c in range(0x110000) if c not in known and not 0xD800 <= c <= 0xDFFF
                  and not 0xFDD0 <= c <= 0xFDEF and c & 0xFFFE != 0xFFFE]
    body = f'''"""The characters Unicode assigned after the version Python's unicodedata knows, by what they are to a reader.

Written by tools/newer_unicode.py from Unicode {data["version"]} (do not edit by hand). Python {sys.version_info.major}.{sys.version_info.minor} reads Unicode
{unicodedata.unidata_version}: without this table 𑯱𑯳𑯸… (Sunuwar) or the outlined digits U+1CCF0… were no digits to the detector, and a
number written in them reached the site (tests/test_hostile14_unicode.py).
"""

from __future__ import annotations

UNICODE_VERSION = "{data["version"]}"
# The zero of every set of ten decimal digits (Nd) added since: Garay, Myanmar Pao and Eastern Pwo Karen, Sunuwar,
# Tolong Siki, Kawi, Gurung Khema, Kirat Rai, outlined digits, Nag Mundari, Ol Onal.
DIGIT_ZEROS = ({", ".join(f"0x{z:04X}" for z in zeros)})
# Kaktovik numerals (No): zero to nineteen from U+1D2C0; from ten on, two digits (as ⑬ is read).
KAKTOVIK = (0x{KAKTOVIK:04X}, 0x{KAKTOVIK + 19:04X})
# Dashes (Pd).
DASHES = {spelled(runs(new["Pd"]))}
# Punctuation and symbols (P*, S*, emoji among them): between groups of digits they join them as any symbol does.
MARKS = {spelled(runs(marks))}
# What a reader does not see: format characters (Cf), marks over the character before (Mn, Me), and code points a
# renderer must draw as nothing (Default_Ignorable_Code_Point, the reserved ones too).
INVISIBLE = {spelled(runs(invisible))}
# Every code point assigned since (letters among them): what is in none of these is unassigned still, and may become
# a digit in a later version (privacy.unknown).
ASSIGNED = {spelled(runs(assigned + new["ignorable"]))}
# What no version up to this one assigns (noncharacters, surrogates and private use aside): drawn as a box today, a
# later version may make some of it digits (privacy.unknown reads a number written in them every way it may read).
UNASSIGNED = {spelled(runs(unassigned))}
'''
    TARGET.write_text(body, encoding="utf-8")
    print(f"{TARGET}: Unicode {data['version']}, {len(zeros)} digit sets, {len(marks)} marks, "
          f"{len(invisible)} invisible")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Regular expressions compiled when first used, not when their module is imported.

The detectors of names (privacy/titles.py) hold patterns of five hundred surnames that sre takes some 60 ms to
compile; every command imports them to mask what it prints, and most (validate after one ordinary edit) never run
them. `lazy` gives an object used exactly as the compiled pattern is (``_TITLED.finditer(text)``), compiled on the first
use; from then on its methods are the compiled pattern's own, with no indirection.
"""

from __future__ import annotations

import re
from typing import Any, cast


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """*pattern* as re.compile gives it, compiled when it is first used."""
    return cast(re.Pattern[str], _Lazy(pattern, flags))


class _Lazy:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # asked only for what the instance does not hold yet
        compiled = re.compile(*self._source)
        # every attribute of the compiled pattern held here: later uses find them without coming back
        vars(self).update({attribute: getattr(compiled, attribute) for attribute in dir(compiled)
                           if not attribute.startswith("__")})
        return getattr(compiled, name)

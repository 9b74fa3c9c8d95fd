"""Account data: a workspace's own users' usernames, emails and names, found wherever they appear."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from filters.recognizers.base import Finding

ACCOUNT_SCORE = 0.95
ACCOUNT_PRIORITY = 6      # above every pattern and NER: the directory knows these values for certain
MIN_LENGTH = 3


@dataclass(frozen=True)
class AccountDirectory:
    """The users of one tenant's workspace."""

    usernames: Sequence[str] = ()
    emails: Sequence[str] = ()
    names: Sequence[str] = ()

    def __post_init__(self) -> None:
        for field_name in ("usernames", "emails", "names"):
            values = tuple(v.strip() for v in getattr(self, field_name) if v and v.strip())
            object.__setattr__(self, field_name, values)


def _alternatives(values: Iterable[str], flexible_spaces: bool) -> str:
    unique = sorted({v for v in values if len(v) >= MIN_LENGTH}, key=len, reverse=True)
    escaped = [re.escape(v) for v in unique]
    if flexible_spaces:
        escaped = [e.replace(r"\ ", r"\s{1,3}") for e in escaped]
    return "|".join(escaped)


class AccountRecognizer:
    """Finds one directory's values: ACCOUNT_EMAIL, ACCOUNT_NAME, ACCOUNT_USERNAME."""

    name = "account_directory"

    def __init__(self, directory: AccountDirectory) -> None:
        groups = []
        emails = _alternatives(directory.emails, False)
        names = _alternatives(directory.names, True)
        usernames = _alternatives(directory.usernames, False)
        if emails:
            groups.append(rf"(?P<ACCOUNT_EMAIL>(?<![\w.+-])(?i:{emails})(?![\w-]))")
        if names:
            groups.append(rf"(?P<ACCOUNT_NAME>(?<![\w])(?i:{names})(?![\w]))")
        if usernames:
            # usernames keep their case ("admin" the word is not the user "Admin"); "@jdoe" mentions count
            groups.append(rf"(?P<ACCOUNT_USERNAME>(?<![\w.+-])(?:{usernames})(?![\w@-]|\.\w))")
        self.pattern = re.compile("|".join(groups)) if groups else None

    def find(self, text: str) -> list[Finding]:
        """Every occurrence of a directory value in `text`."""
        if self.pattern is None:
            return []
        return [Finding(m.lastgroup or "", m.start(), m.end(), ACCOUNT_SCORE, self.name, ACCOUNT_PRIORITY)
                for m in self.pattern.finditer(text)]

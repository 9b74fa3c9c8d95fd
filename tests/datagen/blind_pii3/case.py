"""One labelled case: text assembled from literal pieces, sensitive values and must-keep strings."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from faker import Faker

SLOT = re.compile(r"\{(\d+)\}")


@dataclass(frozen=True)
class Val:
    """A sensitive value as it occurs in the text (`value`) and before any disguise (`plain`)."""

    value: str
    entity: str
    family: str | None = None
    disguise: str | None = None
    plain: str | None = None


@dataclass(frozen=True)
class Keep:
    """A string that looks sensitive and is not: it must reach the provider byte for byte."""

    text: str


Piece = str | Val | Keep


@dataclass
class Ctx:
    """Everything a case builder draws from: the split's random source and seeded Fakers."""

    split: str
    rng: random.Random
    half: int
    fakers: dict[str, Faker] = field(default_factory=dict)

    def faker(self, locale: str) -> Faker:
        if locale not in self.fakers:
            fake = Faker(locale)
            fake.seed_instance(self.rng.randrange(2**31))
            self.fakers[locale] = fake
        return self.fakers[locale]

    def pick(self, pool: list[str] | tuple[str, ...]) -> str:
        """A wording of this split's half of the pool, so test and dev share no template wording."""
        own = pool[self.half::2] or pool
        return self.rng.choice(list(own))


@dataclass
class Case:
    kind: str
    shape: str
    text: str = ""
    values: list[dict[str, object]] = field(default_factory=list)
    keep: list[str] = field(default_factory=list)

    def add(self, piece: Piece) -> None:
        if isinstance(piece, Val):
            start = len(self.text)
            self.text += piece.value
            self.values.append({"value": piece.value, "plain": piece.plain or piece.value, "entity": piece.entity,
                                "family": piece.family, "disguise": piece.disguise,
                                "start": start, "end": len(self.text)})
        elif isinstance(piece, Keep):
            self.text += piece.text
            if piece.text not in self.keep:
                self.keep.append(piece.text)
        else:
            self.text += piece

    def fill(self, template: str, pieces: Sequence[Piece]) -> Case:
        """Append `template` with {0}, {1}... replaced by the pieces (a piece may be used more than once)."""
        pos = 0
        for match in SLOT.finditer(template):
            self.add(template[pos:match.start()])
            self.add(pieces[int(match.group(1))])
            pos = match.end()
        self.add(template[pos:])
        return self

    def problems(self) -> list[str]:
        """Why this case could not be scored honestly (an empty list when it can)."""
        found = []
        spans = sorted((int(str(v["start"])), int(str(v["end"]))) for v in self.values)
        outside = ""
        pos = 0
        for start, end in spans:
            if start < pos:
                found.append("overlapping values")
            outside += self.text[pos:start] + "\x1e"
            pos = max(pos, end)
        outside += self.text[pos:]
        for v in self.values:
            for form in {str(v["value"]), str(v["plain"])}:
                if len(form) < 3:
                    found.append(f"value too short: {v['entity']}")
                if form in outside:
                    found.append(f"value also outside its span: {v['entity']}")
                for keep in self.keep:
                    if form in keep:
                        found.append("a keep and a value overlap")
        for keep in self.keep:
            if keep not in outside:
                found.append("keep only inside a value")
        return found

    def record(self, ident: str) -> dict[str, object]:
        return {"id": ident, "kind": self.kind, "shape": self.shape, "text": self.text,
                "values": self.values, "keep": self.keep}

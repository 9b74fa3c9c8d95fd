"""Resident memory of a server's process tree sampled over a run, and whether it levels off.

A cache that fills shows as growth early in a run; a leak shows as growth that goes on. So the trend is
judged over the second half only: the least-squares slope of each role's samples there, and the growth
that slope makes over that half, against a tolerance in MB.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.bench.load.processes import command_line, process_tree, rss_mb


def memory(root: int) -> dict[str, float]:
    """Resident MB of `root`'s tree by role: the server processes, the analysis processes."""
    out: dict[str, float] = {}
    for pid in process_tree(root):
        line = command_line(pid)
        if "resource_tracker" in line:
            continue
        role = "analysis" if "spawn_main" in line or "multiprocessing" in line else "server"
        out[role] = out.get(role, 0.0) + rss_mb(pid)
    return out


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (x, y) points; 0 with fewer than two distinct x."""
    if len(points) < 2:
        return 0.0
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return 0.0
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


@dataclass
class MemoryTrend:
    """Samples (seconds into the run, MB by role) and the verdict over the run's second half."""

    seconds: float
    samples: list[tuple[float, dict[str, float]]] = field(default_factory=list)

    def add(self, at: float, by_role: dict[str, float]) -> None:
        self.samples.append((at, by_role))

    def roles(self) -> list[str]:
        return sorted({role for _, by_role in self.samples for role in by_role})

    def second_half(self, role: str) -> list[tuple[float, float]]:
        return [(at, by_role[role]) for at, by_role in self.samples if at >= self.seconds / 2 and role in by_role]

    def growth_mb(self, role: str) -> float:
        """What the second half's slope adds over the second half (MB)."""
        return slope(self.second_half(role)) * self.seconds / 2

    def lines(self, tolerance_mb: float) -> tuple[list[str], bool]:
        roles = self.roles()
        out = ["| at | " + " | ".join(roles) + " |", "|---|" + "---|" * len(roles)]
        for at, by_role in self.samples:
            out.append(f"| {at:.0f} s | " + " | ".join(f"{by_role.get(r, 0.0):.0f} MB" for r in roles) + " |")
        flat = True
        for role in roles:
            half = self.second_half(role)
            growth = self.growth_mb(role)
            level = growth <= tolerance_mb   # shrinking is flat enough
            flat = flat and level
            out.append(f"resident memory, {role}: second half ({len(half)} samples) slope "
                       f"{slope(half) * 60:+.2f} MB/min, {growth:+.1f} MB over it: "
                       + ("flat" if level else "GROWING") + f" (tolerance {tolerance_mb:g} MB)")
        return out, flat

"""Near-duplicate check on templated stories: similar frames, other names, not copies of each other.

    python bench/near_duplicates.py [--sizes 1000 2000 4000] [--batch 200]

Each story fills one frame ("Shelling hit {place} in {province} on {day}, killing {n} ...") with
other places, figures, actors and a sentence or two of its own, so that any two share many
5-shingles (estimated Jaccard about 0.3 to 0.6) without being copies. One story in twenty is
followed later by a true copy (a wire reprint with a changed word or two), which the check must
still find. Prints seconds to store each corpus in a fresh SQLite file and the copies found.
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from warwire.model import Article
from warwire.store import open_store

PLACES = [f"{a}{b}" for a in ("Kafr ", "Tal ", "Deir ", "Ain ", "Bab ", "Jisr ") for b in
          ("Nabl", "Hamr", "Sous", "Rif", "Zor", "Ward", "Kaws", "Ammar", "Halab", "Tin")]
PROVINCES = ["Idlib", "Hama", "Aleppo", "Homs", "Latakia", "Daraa"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ACTORS = ["government forces", "rebel fighters", "Russian warplanes", "Turkish-backed factions", "an unknown group"]
EXTRA = ["Residents fled towards the border.", "A school was damaged.", "The market was closed for the day.",
         "Rescue teams worked through the night.", "Power was cut in several districts.",
         "A hospital nearby received the wounded.", "The road to the city was blocked."]
FRAME = ("BEIRUT (Wire) - Shelling by {actor} hit the town of {place} in {province} province on {day}, killing "
         "{n} people including {k} children, a war monitor said. The monitor said the shells fell near the main "
         "square of {place} in the early morning, and that the toll could rise because several of the {w} wounded "
         "were in a critical condition. There was no immediate comment from {actor}, who have stepped up their "
         "attacks in {province} over the past weeks. {extra}")


def story(rng: random.Random) -> str:
    return FRAME.format(actor=rng.choice(ACTORS), place=rng.choice(PLACES), province=rng.choice(PROVINCES),
                        day=rng.choice(DAYS), n=rng.randint(2, 60), k=rng.randint(1, 9), w=rng.randint(3, 90),
                        extra=" ".join(rng.sample(EXTRA, 2)))


def corpus(n: int, seed: int = 7) -> tuple[list[Article], int]:
    rng = random.Random(seed)
    texts: list[str] = []
    copies = 0
    while len(texts) < n:
        if len(texts) > 40 and rng.random() < 0.05:
            original = texts[rng.randrange(len(texts) - 20)]
            texts.append(original.replace("BEIRUT (Wire)", "AMMAN (Other Wire)").replace("a war monitor", "the monitor"))
            copies += 1
        else:
            texts.append(story(rng))
    return [Article(text=t, outlet="Bench") for t in texts], copies


def run(n: int, batch: int) -> tuple[float, int, int, int]:
    articles, copies = corpus(n)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        started = time.perf_counter()
        found = new = 0
        for i in range(0, len(articles), batch):
            added = store.add_articles(articles[i:i + batch])
            found += added.near_duplicates
            new += added.new
        seconds = time.perf_counter() - started
        store.close()
    return seconds, new, copies, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    print(f"{'articles':>8} {'seconds':>8} {'stored':>7} {'copies':>7} {'flagged':>8}")
    for n in args.sizes:
        seconds, new, copies, found = run(n, args.batch)
        print(f"{n:>8} {seconds:>8.1f} {new:>7} {copies:>7} {found:>8}")


if __name__ == "__main__":
    main()

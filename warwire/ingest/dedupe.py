"""Near-duplicate articles (syndicated copies) by MinHash over word 5-shingles.

A signature is 128 MinHash values stored as hex; ``bands`` cuts it into 32 LSH band keys of 4
values, so copies can be found with an indexed lookup (two texts with Jaccard 0.8 share a band
with probability > 0.999, with Jaccard 0.3 about 0.23), then confirmed with ``similarity``.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

from warwire.model import normalise_text

NUM_PERM = 128
SHINGLE = 5
BANDS, ROWS = 32, 4
NEAR_DUPLICATE = 0.8  # estimated Jaccard at or above which two articles are copies of one story
SEED = 1  # fixed: signatures are stored, so every process must draw the same permutations
_HEX = 8  # hex digits per value (datasketch keeps 32-bit values)
_PUNCT = re.compile(r"[^\w\s]")


def shingles(text: str) -> list[bytes]:
    """Word 5-shingles of the normalised text, punctuation ignored (FA-KES strips it from some copies)."""
    # Punctuation is deleted, not read as a break, so "Assad's" matches FA-KES's "Assads".
    words = _PUNCT.sub("", normalise_text(text)).split()
    if len(words) < SHINGLE:
        return [" ".join(words).encode("utf-8")]
    return [" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]


@lru_cache(maxsize=1)
def _template():
    # datasketch (and the scipy it imports) loads only when a signature is made, not for every command.
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED)


def signature(text: str) -> str:
    """The MinHash signature of ``text`` as a hex string (1024 characters), for storing."""
    m = _template().copy()
    m.update_batch(shingles(text))
    return "".join(f"{int(v):08x}" for v in m.hashvalues)


def values(sig: str) -> np.ndarray:
    if len(sig) != NUM_PERM * _HEX:
        raise ValueError(f"a signature has {NUM_PERM * _HEX} hex digits, this one {len(sig)}")
    return np.frombuffer(bytes.fromhex(sig), dtype=">u4")


def bands(sig: str) -> list[str]:
    """LSH band keys of a signature: "bb:" + a 16-hex-digit digest of the band's 4 values, 32 of them."""
    values(sig)  # validates
    step = ROWS * _HEX
    return [f"{b:02d}:" + hashlib.blake2b(sig[b * step:(b + 1) * step].encode(), digest_size=8).hexdigest()
            for b in range(BANDS)]


def similarity(sig_a: str, sig_b: str) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures (0..1)."""
    return float(np.mean(values(sig_a) == values(sig_b)))


def similarities(values_a: np.ndarray, others: np.ndarray) -> np.ndarray:
    """``similarity`` of one signature's values against each row of ``others`` (signature values stacked)."""
    return (others == values_a).mean(axis=1)


def is_near_duplicate(sig_a: str, sig_b: str) -> bool:
    return similarity(sig_a, sig_b) >= NEAR_DUPLICATE

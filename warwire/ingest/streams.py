"""Stream plumbing for readers that look at the first bytes of an input before choosing how to read it."""
from __future__ import annotations

import io
from typing import BinaryIO


class Rewound(io.RawIOBase):
    """A stream that gives back ``head`` (already read for sniffing) and then the rest of ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head, self.rest = memoryview(head), rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class TooLarge(Exception):
    """An input that unpacks to more than its limit allows."""


class Capped(io.RawIOBase):
    """``raw`` read through, raising TooLarge once more than ``limit`` bytes have come out of it."""

    def __init__(self, raw: BinaryIO, limit: int) -> None:
        self.raw, self.limit, self.given = raw, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.raw.read(len(buffer))
        self.given += len(data)
        if self.given > self.limit:
            raise TooLarge(self.limit)
        buffer[: len(data)] = data
        return len(data)

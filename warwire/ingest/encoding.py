"""Bytes to text: encoding detection (UTF-8 first, then legacy code pages) and binary sniffing.

Older news dumps such as FA-KES are Windows-1252, not UTF-8. Files are decoded as UTF-8 when
a sample of them is UTF-8, otherwise with the code page ``charset_normalizer`` finds. Bytes
that still do not decode are read as Windows-1252 (then Latin-1) instead of becoming U+FFFD,
so a stray legacy quote in a UTF-8 file comes out as the quote it was meant to be.
"""
from __future__ import annotations

import codecs
import io
import re
from typing import BinaryIO

SAMPLE = 64 * 1024
LEGACY_HANDLER = "warwire-legacy"
# Single-byte code pages seen in news archives; charset detection picks among these only,
# because on short English samples it otherwise guesses exotic ones.
LEGACY_CODEPAGES = ["cp1252", "cp1256", "cp1251"]
# A non-Western code page is taken only when most of what it decodes is letters of its script.
_SCRIPTS = {"cp1256": re.compile("[\u0600-\u06ff]"), "cp1251": re.compile("[\u0400-\u04ff]")}
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# Whole signatures, so a text line that merely starts like one ("\x89PNG" in garbage) is not taken for a file type.
# A signature names a file type only when the sample holds binary bytes too (NUL or control bytes): every
# real file of these types has them near its start, and a line of text or garbage may begin "GIF89a" or "%PDF-".
_MAGIC = {b"%PDF-": "a PDF", b"\x89PNG\r\n\x1a\n": "a PNG image", b"PK\x03\x04": "a ZIP archive",
          b"\xff\xd8\xff": "a JPEG image", b"GIF87a": "a GIF image", b"GIF89a": "a GIF image",
          b"\x7fELF\x01": "a program", b"\x7fELF\x02": "a program"}


def _legacy(err: UnicodeDecodeError) -> tuple[str, int]:
    bad = err.object[err.start:err.end]
    out = []
    for b in bad:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252
            out.append(chr(b))
    return "".join(out), err.end


codecs.register_error(LEGACY_HANDLER, _legacy)


def _has_binary(sample: bytes) -> bool:
    return b"\x00" in sample or _CONTROL.search(sample) is not None


def binary_reason(sample: bytes) -> str | None:
    """Why ``sample`` looks like a binary file rather than text, or None when it looks like text."""
    for magic, what in _MAGIC.items():
        if sample.startswith(magic) and _has_binary(sample):
            return what
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    nul = sample.find(b"\x00")
    if nul >= 0:
        return f"NUL byte at offset {nul}"
    if sample and len(_CONTROL.findall(sample)) > len(sample) * 0.05:
        return "control bytes"
    return None


def detect_encoding(sample: bytes) -> str:
    """The encoding to read a file with, judged from its first bytes."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(sample, final=False)
    errors = text.count("\ufffd")
    if not errors:
        return "utf-8"
    decoded = sum(1 for ch in text if ord(ch) > 127) - errors
    if decoded > 0:  # valid multi-byte sequences almost never occur by chance in legacy text
        return "utf-8"
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=LEGACY_CODEPAGES).best()
    script = _SCRIPTS.get(best.encoding) if best else None
    if script:
        high = [ch for ch in sample.decode(best.encoding, errors="ignore") if ord(ch) > 127]
        if high and len([ch for ch in high if script.match(ch)]) * 2 > len(high):
            return best.encoding
    return "cp1252"


def decode(data: bytes, encoding: str | None = None) -> str:
    """``data`` as text, in ``encoding`` or the detected one; undecodable bytes read as Windows-1252."""
    return data.decode(encoding or detect_encoding(data[:SAMPLE]), errors=LEGACY_HANDLER)


def text_stream(raw: BinaryIO, sample: bytes) -> io.TextIOWrapper:
    """A streaming text reader over ``raw`` (which still starts with ``sample``), universal newlines off."""
    return io.TextIOWrapper(raw, encoding=detect_encoding(sample), errors=LEGACY_HANDLER, newline="")

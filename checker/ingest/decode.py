"""Bytes -> text: UTF-8 (BOM or not), UTF-16/32 with a BOM; anything else is a problem for the user."""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(Exception):
    """The bytes are not usable text: ``kind`` is "binary", "encoding" or "empty"."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def decode(data: bytes) -> str:
    """The text of a file's bytes as Python's text mode reads it; raises ``DecodeError``.

    Offsets everywhere are into this text. Newlines are universal (CRLF and CR
    read as LF) and a UTF-8 byte order mark stays as U+FEFF, exactly as
    ``open(path, encoding="utf-8").read()`` gives, so offsets agree with any
    tool that reads the file that way. A UTF-16/32 mark is removed.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                kept = 0 if encoding == "utf-8" else len(bom)
                text = data[kept:].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError("encoding", f"not valid {encoding.upper()[:6]} despite its byte order mark "
                                              f"(at byte offset {exc.start + len(bom)})") from exc
            break
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise DecodeError("binary", f"binary file (NUL byte at offset {nul})")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            message = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            raise DecodeError("encoding", message) from exc
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    nul = text.find("\x00")
    if nul >= 0:
        raise DecodeError("binary", f"binary file (NUL character at offset {nul})")
    if not text.strip().lstrip("\ufeff"):
        raise DecodeError("empty", "empty file" if not text else "contains only whitespace")
    return text

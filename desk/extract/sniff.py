"""Look at a file's first bytes: is it what its name says, or something we can name for the user?"""

from __future__ import annotations

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: An encrypted DOCX is an OLE2 container holding a stream with this (UTF-16) name.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def is_zip(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def is_ole2(data: bytes) -> bool:
    """The compound-file container of old Office files (.doc) and of encrypted new ones."""
    return data.startswith(OLE2_MAGIC)


def is_encrypted_ooxml(data: bytes) -> bool:
    return is_ole2(data) and _ENCRYPTED_PACKAGE in data

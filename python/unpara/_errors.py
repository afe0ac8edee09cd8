"""The exceptions of unpara: every one names the file and the reason."""

from typing import Optional

__all__ = ["Error", "EncryptedError", "LimitError"]


class Error(Exception):
    """An input could not be read or converted.

    ``file`` is the input's name (its path, or the ``name`` given with bytes; None
    when no file is to blame) and ``reason`` the reason without it; ``str(error)``
    is ``file: reason``, as the command line prints it.
    """

    def __init__(self, message: str, file: Optional[str] = None, reason: Optional[str] = None):
        super().__init__(message)
        self.file = file
        self.reason = reason if reason is not None else message


class EncryptedError(Error):
    """A PDF is encrypted and the password is missing or wrong (exit code 2 of the CLI)."""


class LimitError(Error):
    """A limit was hit: a Word document inflating past ``max_inflate`` (exit code 3)."""


# Shown as unpara.Error (where users import them from), not unpara._errors.Error.
for _class in (Error, EncryptedError, LimitError):
    _class.__module__ = "unpara"

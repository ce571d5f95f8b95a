"""Reading a saved e-mail file, whichever program saved it.

``read_email`` takes an ``.eml`` (RFC 5322, ``core.mail.eml``) or an Outlook ``.msg``
(``core.mail.msg``) and gives a :class:`~brokerdesk.core.mail.message.SavedEmail`.
"""

from __future__ import annotations

from pathlib import Path

from brokerdesk.core.mail import eml, msg
from brokerdesk.core.mail.message import SavedEmail, UnreadableEmailError


def read_email(path: Path) -> SavedEmail:
    """Read a saved ``.eml`` or ``.msg`` file.

    Raises:
        UnreadableEmailError: not a file of either kind, or too damaged to read.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableEmailError(f"{path.name} cannot be read: {exc.strerror}.") from exc
    return parse_email(data, path.name)


def parse_email(data: bytes, file_name: str) -> SavedEmail:
    """Read the bytes of a saved e-mail; an OLE file is Outlook's ``.msg``, else ``.eml``."""
    if data.startswith(msg.OLE_SIGNATURE):
        return msg.parse_msg(data, file_name)
    if file_name.lower().endswith(".msg"):
        raise UnreadableEmailError(f"{file_name} is not an Outlook message (.msg).")
    return eml.parse_eml(data, file_name)

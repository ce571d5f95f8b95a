"""Outlook ``.msg`` files, read with extract-msg.

A message Outlook received keeps its Internet headers, and extract-msg reads the date and
people from them; one Outlook sent itself has none, and extract-msg builds them from the
message's properties. Either way the recipients' addresses come from the recipient table,
which has the SMTP address even where the headers show an Exchange name.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from typing import Any

from brokerdesk.core.mail.html_text import html_to_text
from brokerdesk.core.mail.message import Attachment, Person, SavedEmail, UnreadableEmailError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TO, _CC = 1, 2


def parse_msg(data: bytes, file_name: str) -> SavedEmail:
    """Read an Outlook message.

    Raises:
        UnreadableEmailError: not an Outlook e-mail (a meeting request, a contact card) or
            too damaged to read.
    """
    import extract_msg

    logging.getLogger("extract_msg").setLevel(logging.ERROR)
    try:
        message: Any = extract_msg.openMsg(io.BytesIO(data), delayAttachments=False)
    except Exception as exc:
        raise UnreadableEmailError(f"{file_name} is not an Outlook message we can read.") from exc
    try:
        if not hasattr(message, "recipients"):
            raise UnreadableEmailError(f"{file_name} is an Outlook item, but not an e-mail.")
        return _saved(message, file_name)
    finally:
        message.close()


def _person(name: Any, address: Any) -> Person | None:
    address = str(address or "").strip().lower()
    if "@" not in address:
        return None
    return Person(" ".join(str(name or "").split()), address)


def _saved(message: Any, file_name: str) -> SavedEmail:
    to: list[Person] = []
    cc: list[Person] = []
    for recipient in message.recipients:
        person = _person(recipient.name, recipient.email)
        kind = int(getattr(recipient.type, "value", recipient.type) or 0)
        if person is not None and kind in (_TO, _CC):
            (to if kind == _TO else cc).append(person)
    sender = _person(
        message.getStringStream("__substg1.0_0C1A") or "",
        message.getStringStream("__substg1.0_5D01") or message.getStringStream("__substg1.0_0C1F"),
    )
    if sender is None and message.sender:
        import email.utils

        name, address = email.utils.parseaddr(str(message.sender))
        sender = _person(name, address)
    body = str(message.body or "").replace("\r\n", "\n").strip()
    if not body and message.htmlBody:
        html = message.htmlBody
        body = html_to_text(html.decode("utf-8", "replace") if isinstance(html, bytes) else html)
    attachments: list[Attachment] = []
    for found in message.attachments:
        data = getattr(found, "data", None)
        if not isinstance(data, bytes):
            continue  # an embedded Outlook item or a link: nothing to keep as a file
        name = found.longFilename or found.shortFilename or f"attachment {len(attachments) + 1}"
        attachments.append(
            Attachment(str(name), data, found.mimetype or "application/octet-stream")
        )
    sent_at = message.date
    if isinstance(sent_at, dt.datetime) and sent_at.tzinfo is None:
        sent_at = sent_at.replace(tzinfo=dt.UTC)
    return SavedEmail(
        file_name=file_name,
        message_id=(message.messageId or "").strip() or None,
        subject=" ".join(str(message.subject or "").split()) or "(no subject)",
        sent_at=sent_at if isinstance(sent_at, dt.datetime) else None,
        sender=sender,
        to=to,
        cc=cc,
        body=body,
        attachments=attachments,
    )

"""``.eml`` files: RFC 5322 messages as Outlook, Gmail, Thunderbird and Apple Mail save them.

The standard library's ``email`` package with ``policy.default`` decodes encoded-word
subjects and names (RFC 2047), non-ASCII attachment names (RFC 2231), quoted-printable and
base64 bodies. What it leaves to us: a charset label no codec knows (read as UTF-8, else
Windows-1252, never refused), a missing Date (the newest Received header's date instead),
images that are part of the message's own layout (a signature logo named by ``cid:`` in the
HTML: not an attachment), and a forwarded message (kept whole as an ``.eml`` attachment).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from typing import Any

from brokerdesk.core.documents.text import media_type_of
from brokerdesk.core.mail.html_text import html_to_text
from brokerdesk.core.mail.message import Attachment, Person, SavedEmail, UnreadableEmailError

_CID = re.compile(r"cid:([^\"'\s>)]+)", re.IGNORECASE)


def parse_eml(data: bytes, file_name: str) -> SavedEmail:
    """Read an RFC 5322 message.

    Raises:
        UnreadableEmailError: the bytes are not an e-mail (no From, To, Subject or Date).
    """
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    if not any(message.get(h) for h in ("from", "to", "subject", "date", "message-id")):
        raise UnreadableEmailError(f"{file_name} is not a saved e-mail (it has no headers).")
    subject = " ".join(_header(message, "subject").split()) or "(no subject)"
    senders = _people(message, "from")
    return SavedEmail(
        file_name=file_name,
        message_id=_header(message, "message-id").strip() or None,
        subject=subject,
        sent_at=_sent_at(message),
        sender=senders[0] if senders else None,
        to=_people(message, "to"),
        cc=_people(message, "cc"),
        body=_body(message),
        attachments=_attachments(message),
    )


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # a header too broken for its parser: take its raw text
        value = next((v for k, v in message.raw_items() if k.lower() == name), None)
    return "" if value is None else str(value)


def _people(message: EmailMessage, name: str) -> list[Person]:
    try:
        header: Any = message.get(name)
        if header is None:
            return []
        found = [
            Person(" ".join(a.display_name.split()), a.addr_spec.lower())
            for a in header.addresses
            if a.addr_spec and "@" in a.addr_spec
        ]
    except Exception:  # fall back on the plain parser for a header the policy cannot parse
        raw = [str(v) for k, v in message.raw_items() if k.lower() == name]
        found = [Person(n, a.lower()) for n, a in email.utils.getaddresses(raw) if a and "@" in a]
    return found


def _as_aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _sent_at(message: EmailMessage) -> dt.datetime | None:
    candidates = [_header(message, "date")]
    # No Date: a server's Received line says when it arrived; the top one is the newest.
    candidates += [str(v).rpartition(";")[2] for v in message.get_all("received", [])]
    for text in candidates:
        if not text.strip():
            continue
        try:
            return _as_aware(email.utils.parsedate_to_datetime(text.strip()))
        except (TypeError, ValueError, IndexError):
            continue
    return None


def _text_of(part: Message) -> str:
    """A text part's text; a charset label no codec knows is read as UTF-8 or Windows-1252."""
    try:
        content = part.get_content()  # type: ignore[attr-defined]
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeError, KeyError, ValueError):
        pass
    payload = part.get_payload(decode=True)
    raw = payload if isinstance(payload, bytes) else b""
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    text = _text_of(part)
    if part.get_content_subtype() == "html":
        return html_to_text(text)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _leaves(part: Message) -> Iterator[Message]:
    if part.is_multipart() and part.get_content_maintype() == "multipart":
        for sub in part.get_payload():
            yield from _leaves(sub)  # type: ignore[arg-type]
    else:
        yield part


def _layout_images(message: EmailMessage) -> set[str]:
    """Content-IDs the HTML bodies show in place (cid: links)."""
    found: set[str] = set()
    for part in _leaves(message):
        if part.get_content_type() == "text/html":
            found |= {m.group(1).lower() for m in _CID.finditer(_text_of(part))}
    return found


def _attachments(message: EmailMessage) -> list[Attachment]:
    body = message.get_body(preferencelist=("plain", "html"))
    bodies = {id(body)}
    related = message.get_body(preferencelist=("related", "html", "plain"))
    if related is not None:
        bodies |= {id(p) for p in _leaves(related) if p.get_content_maintype() == "text"}
    in_layout = _layout_images(message)
    found: list[Attachment] = []
    for part in _leaves(message):
        if id(part) in bodies or (part is message and not message.is_multipart()):
            continue
        name = part.get_filename()
        disposition = part.get_content_disposition()
        content_id = str(part.get("content-id", "")).strip("<> ").lower()
        if content_id and content_id in in_layout and disposition != "attachment":
            continue  # a logo or picture inside the HTML, not a file that was sent
        if part.get_content_type() == "message/rfc822":
            found.append(_forwarded(part, name))
            continue
        text_part = part.get_content_maintype() == "text"
        if name is None and disposition != "attachment" and text_part:
            continue  # another version of the text, not a file
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        media_type = part.get_content_type()
        name = name or f"attachment {len(found) + 1}{_suffix(media_type)}"
        found.append(Attachment(" ".join(name.split()), data, media_type))
    return found


def _forwarded(part: Message, name: str | None) -> Attachment:
    inner = part.get_payload(0) if part.is_multipart() else part.get_payload()
    if isinstance(inner, Message):
        data = inner.as_bytes(policy=policy.compat32)
        subject = str(inner.get("subject", "") or "").strip()
    else:
        data = part.get_payload(decode=True) or b""  # type: ignore[assignment]
        subject = ""
    safe = re.sub(r"[\\/:*?\"<>|]+", " ", subject).strip()[:120]
    return Attachment(name or f"{safe or 'Forwarded message'}.eml", data, "message/rfc822")


def _suffix(media_type: str) -> str:
    import mimetypes

    return mimetypes.guess_extension(media_type) or ""


__all__ = ["media_type_of", "parse_eml"]

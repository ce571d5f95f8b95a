"""One saved e-mail as BrokerDesk reads it, whatever program saved it.

``core.mail.reading.read_email`` takes an ``.eml`` (RFC 5322, read with the standard
library's modern ``email`` policy) or an Outlook ``.msg`` (read with extract-msg) and gives a
:class:`SavedEmail`: who wrote to whom, when, about what, what it said, and its attachments.
The day an e-mail "happened" is its date in the team's time zone (UK time), so a message
sent at 20:15 in California on 9 June is logged on 10 June.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from brokerdesk.core.errors import BrokerDeskError

TEAM_ZONE = ZoneInfo("Europe/London")
SUFFIXES = (".eml", ".msg")


class UnreadableEmailError(BrokerDeskError):
    """A file is not an e-mail BrokerDesk can read; the message names it and says why."""


@dataclass(frozen=True)
class Person:
    """Someone on an e-mail: the name shown (may be empty) and the address, lower case."""

    name: str
    address: str

    @property
    def shown(self) -> str:
        return f"{self.name} <{self.address}>" if self.name else self.address

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2]


@dataclass(frozen=True)
class Attachment:
    """A file that came with the e-mail."""

    name: str
    data: bytes
    media_type: str


@dataclass
class SavedEmail:
    """What BrokerDesk keeps of an e-mail.

    Attributes:
        file_name: the file it was read from.
        message_id: its Message-ID (``<…>``), how a second import of it is recognised;
            None for a message without one (then never taken for a copy).
        subject: the subject, decoded ("(no subject)" when it had none).
        sent_at: when it was sent (aware), or None when the file does not say.
        sender, to, cc: the people on it.
        body: the text, or the HTML body as text.
        attachments: files that came with it (not images inside the message's own layout).
    """

    file_name: str
    message_id: str | None
    subject: str
    sent_at: dt.datetime | None
    sender: Person | None
    to: list[Person] = field(default_factory=list)
    cc: list[Person] = field(default_factory=list)
    body: str = ""
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def people(self) -> list[Person]:
        """Everyone on it, sender first, each address once."""
        seen: dict[str, Person] = {}
        for person in ([self.sender] if self.sender else []) + self.to + self.cc:
            seen.setdefault(person.address, person)
        return list(seen.values())

    def occurred_on(self, fallback: dt.date) -> dt.date:
        """The day it was sent, in UK time; ``fallback`` when the file does not say."""
        if self.sent_at is None:
            return fallback
        return self.sent_at.astimezone(TEAM_ZONE).date()

    def notes(self) -> str:
        """The interaction's notes: who it was between, then what it said."""
        lines = []
        if self.sender:
            lines.append(f"From: {self.sender.shown}")
        if self.to:
            lines.append(f"To: {', '.join(p.shown for p in self.to)}")
        if self.cc:
            lines.append(f"Cc: {', '.join(p.shown for p in self.cc)}")
        if self.sent_at is not None:
            local = self.sent_at.astimezone(TEAM_ZONE)
            lines.append(f"Sent: {local:%d %b %Y %H:%M} (UK time)")
        if self.attachments:
            lines.append(f"Attachments: {', '.join(a.name for a in self.attachments)}")
        return "\n".join(lines) + "\n\n" + self.body.strip()

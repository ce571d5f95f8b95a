"""Outlook ``.msg`` files made reproducibly, as Outlook lays them out ([MS-OXMSG]).

No real Outlook is at hand to save samples, so these are written here: an OLE compound file
(extract-msg's own ``OleWriter``) holding the message's properties stream, its string and
binary properties as ``__substg1.0_`` streams, one storage per recipient and per attachment,
and the (empty) named-property storage. A received message carries its Internet headers
(PR_TRANSPORT_MESSAGE_HEADERS) as Outlook keeps them; a message Outlook sent itself has
none, so its date and people come from properties alone. Both shapes are built.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
from dataclasses import dataclass, field

PT_LONG = 0x0003
PT_SYSTIME = 0x0040
PT_UNICODE = 0x001F
PT_BINARY = 0x0102
FLAGS = 0x00000006  # readable and writable
TO, CC = 1, 2


@dataclass(frozen=True)
class MsgRecipient:
    name: str
    address: str
    kind: int = TO


@dataclass(frozen=True)
class MsgAttachment:
    name: str
    data: bytes
    media_type: str = "application/octet-stream"


@dataclass
class MsgMessage:
    subject: str
    sender_name: str
    sender_address: str
    sent: dt.datetime
    body: str
    recipients: list[MsgRecipient] = field(default_factory=list)
    attachments: list[MsgAttachment] = field(default_factory=list)
    message_id: str | None = None
    html_body: str | None = None
    headers: str | None = None  # Internet headers of a received message


def _filetime(moment: dt.datetime) -> int:
    epoch = dt.datetime(1601, 1, 1, tzinfo=dt.UTC)
    return int((moment - epoch).total_seconds() * 10_000_000)


class _Properties:
    """One ``__properties_version1.0`` stream and the ``__substg1.0_`` streams beside it."""

    def __init__(self) -> None:
        self.fixed: list[bytes] = []
        self.streams: dict[str, bytes] = {}

    def _entry(self, prop: int, kind: int, value: bytes) -> None:
        self.fixed.append(struct.pack("<HHI", kind, prop, FLAGS) + value.ljust(8, b"\0"))

    def long(self, prop: int, value: int) -> None:
        self._entry(prop, PT_LONG, struct.pack("<I", value))

    def time(self, prop: int, moment: dt.datetime) -> None:
        self._entry(prop, PT_SYSTIME, struct.pack("<Q", _filetime(moment)))

    def text(self, prop: int, value: str) -> None:
        data = value.encode("utf-16-le")
        self.streams[f"__substg1.0_{prop:04X}{PT_UNICODE:04X}"] = data
        self._entry(prop, PT_UNICODE, struct.pack("<I", len(data) + 2))

    def binary(self, prop: int, value: bytes) -> None:
        self.streams[f"__substg1.0_{prop:04X}{PT_BINARY:04X}"] = value
        self._entry(prop, PT_BINARY, struct.pack("<I", len(value)))

    def stream(self, header: bytes) -> bytes:
        return header + b"".join(self.fixed)


def build_msg(message: MsgMessage) -> bytes:
    """The bytes of a ``.msg`` file holding ``message``."""
    from extract_msg.ole_writer import OleWriter

    writer = OleWriter()
    top = _Properties()
    top.text(0x001A, "IPM.Note")
    top.text(0x0037, message.subject)
    top.text(0x0E1D, message.subject)  # normalized subject
    top.text(0x1000, message.body)
    if message.html_body is not None:
        top.binary(0x1013, message.html_body.encode("utf-8"))
        top.long(0x3FDE, 65001)  # the HTML body's code page: UTF-8
    top.text(0x0C1A, message.sender_name)
    top.text(0x0C1F, message.sender_address)
    top.text(0x0C1E, "SMTP")
    top.text(0x5D01, message.sender_address)
    top.text(0x0042, message.sender_name)
    top.text(0x0065, message.sender_address)
    top.time(0x0039, message.sent)  # client submit time
    top.time(0x0E06, message.sent)  # delivery time
    top.long(0x3FFD, 65001)  # PR_MESSAGE_CODEPAGE
    top.long(0x0E07, 0x1)  # read
    if message.message_id:
        top.text(0x1035, message.message_id)
    if message.headers is not None:
        top.text(0x007D, message.headers)
    shown = {TO: [], CC: []}  # type: dict[int, list[str]]
    for r in message.recipients:
        shown[r.kind].append(r.name)
    top.text(0x0E04, "; ".join(shown[TO]))  # display to
    top.text(0x0E03, "; ".join(shown[CC]))  # display cc
    count_r, count_a = len(message.recipients), len(message.attachments)
    header = struct.pack("<8xIIII8x", count_r, count_a, count_r, count_a)
    for name, data in top.streams.items():
        writer.addEntry(name, data)
    writer.addEntry("__properties_version1.0", top.stream(header))
    writer.addEntry("__nameid_version1.0", storage=True)
    for stream in ("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102"):
        writer.addEntry(f"__nameid_version1.0/{stream}", b"")
    for number, recipient in enumerate(message.recipients):
        folder = f"__recip_version1.0_#{number:08X}"
        writer.addEntry(folder, storage=True)
        props = _Properties()
        props.long(0x0C15, recipient.kind)
        props.long(0x3000, number)
        props.text(0x3001, recipient.name)
        props.text(0x3002, "SMTP")
        props.text(0x3003, recipient.address)
        props.text(0x39FE, recipient.address)
        for name, data in props.streams.items():
            writer.addEntry(f"{folder}/{name}", data)
        writer.addEntry(f"{folder}/__properties_version1.0", props.stream(bytes(8)))
    for number, attachment in enumerate(message.attachments):
        folder = f"__attach_version1.0_#{number:08X}"
        writer.addEntry(folder, storage=True)
        props = _Properties()
        props.long(0x0E21, number)
        props.long(0x3705, 1)  # attached by value
        props.text(0x3707, attachment.name)
        props.text(0x3704, attachment.name[:8])
        props.text(0x370E, attachment.media_type)
        props.binary(0x3701, attachment.data)
        for name, data in props.streams.items():
            writer.addEntry(f"{folder}/{name}", data)
        writer.addEntry(f"{folder}/__properties_version1.0", props.stream(bytes(8)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


RECEIVED_HEADERS = (
    "Received: from AM0PR01MB5678.eurprd01.prod.outlook.com by AM0PR01MB5678 with mapi; "
    "Wed, 3 Jun 2026 16:45:11 +0000\r\n"
    "From: =?utf-8?B?U2nDom4gTGzFt3I=?= <sian.llyr@readingwales.org.uk>\r\n"
    "To: Partnerships Team <partnerships@librariesconnected.example>\r\n"
    "CC: =?utf-8?B?Wm/DqyDDkyBCcmlhaW4=?= <zoe.obriain@sightline.example>\r\n"
    "Subject: =?utf-8?Q?Adroddiad_chwarterol_=E2=80=93_Darllen_Cymru?=\r\n"
    "Date: Wed, 3 Jun 2026 17:45:10 +0100\r\n"
    "Message-ID: <AM0PR01MB5678QUARTERLY@AM0PR01MB5678.eurprd01.prod.outlook.com>\r\n"
    'Content-Type: multipart/mixed; boundary="_004_AM0PR01MB5678_"\r\n'
    "MIME-Version: 1.0\r\n\r\n"
)

# The Outlook messages of the test corpus (tests/core/mail_corpus/*.msg), by file name.
CORPUS: dict[str, MsgMessage] = {
    "outlook-received.msg": MsgMessage(
        subject="Adroddiad chwarterol – Darllen Cymru",
        sender_name="Siân Llŷr",
        sender_address="sian.llyr@readingwales.org.uk",
        sent=dt.datetime(2026, 6, 3, 16, 45, 10, tzinfo=dt.UTC),
        body="Annwyl dîm,\r\n\r\nMae’r adroddiad chwarterol ynghlwm.\r\n\r\nSiân\r\n",
        recipients=[
            MsgRecipient("Partnerships Team", "partnerships@librariesconnected.example"),
            MsgRecipient("Zoë Ó Briain", "zoe.obriain@sightline.example", CC),
        ],
        attachments=[
            MsgAttachment(
                "Adroddiad Siân – Ch1.pdf",
                b"%PDF-1.4\n% quarterly report placeholder\n%%EOF\n",
                "application/pdf",
            )
        ],
        message_id="<AM0PR01MB5678QUARTERLY@AM0PR01MB5678.eurprd01.prod.outlook.com>",
        headers=RECEIVED_HEADERS,
    ),
    "outlook-sent-html.msg": MsgMessage(
        subject="Rhestr llyfrau – diolch Zoë",
        sender_name="Sam Reid",
        sender_address="sam.reid@openbook.org.uk",
        sent=dt.datetime(2026, 7, 31, 23, 20, tzinfo=dt.UTC),  # 00:20 on 1 August, UK time
        body="",
        html_body=(
            "<html><body><p>Diolch Zoë,</p><p>The <b>audiobook list</b> is attached.</p>"
            "<p>Sam</p></body></html>"
        ),
        recipients=[MsgRecipient("Zoë Ó Briain", "Zoe.OBriain@Sightline.example")],
        attachments=[
            MsgAttachment("Rhestr Zoë.csv", "teitl,awdur\nLlyfr Glas,Ŵyn\n".encode(), "text/csv")
        ],
        message_id="<sent-0731-2320@openbook.org.uk>",
    ),
}

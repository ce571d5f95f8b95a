"""Every saved e-mail of the corpus reads with the right people, day, subject, text and files.

The corpus (``mail_corpus/``, described in its README) holds the shapes Outlook, Gmail,
Thunderbird and Apple Mail save, and two Outlook ``.msg`` files built by
``tests/builders/msg_files.py``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from brokerdesk.core.mail.message import UnreadableEmailError
from brokerdesk.core.mail.reading import parse_email, read_email
from tests.builders.files import pdf_bytes
from tests.builders.msg_files import CORPUS, build_msg

CORPUS_DIR = Path(__file__).with_name("mail_corpus")
FALLBACK = dt.date(2026, 6, 15)
SIAN = ("Siân Llŷr", "sian.llyr@readingwales.org.uk")
ZOE = ("Zoë Ó Briain", "zoe.obriain@sightline.example")
SAM = ("Sam Reid", "sam.reid@openbook.org.uk")
TEAM = ("Partnerships Team", "partnerships@librariesconnected.example")
INBOX = ("", "partnerships@librariesconnected.example")

# file: (subject, UK day, sender, to, cc, words of the body, attachments (name, media type))
EXPECTED = {
    "outlook.eml": (
        "Cytundeb newydd – Darllen Cymru",
        dt.date(2026, 6, 1),
        SIAN,
        [TEAM],
        [ZOE],
        "Dyma’r cytundeb newydd ar gyfer Darllen Cymru",
        [("Cytundeb Siân Llŷr.pdf", "application/pdf")],
    ),
    "gmail-html-only.eml": (
        "Llyfrau llafar – Zoë’s list",
        dt.date(2026, 6, 10),  # 20:15 on 9 June in California is 04:15 on 10 June in the UK
        ("Zoë Ó Briain", "zoe.obriain@gmail.com"),
        [("", "sam.reid@openbook.org.uk")],
        [],
        "Here is the list of audiobook titles we talked about – Zoë’s picks",
        [],
    ),
    "thunderbird-forward.eml": (
        "Fwd: Reading Friends evaluation",
        dt.date(2026, 1, 15),
        SAM,
        [SIAN],
        [],
        "Siân, forwarding the evaluation as promised",
        [("Reading Friends evaluation.eml", "message/rfc822")],
    ),
    "apple-mail-inline-image.eml": (
        "Nodiadau’r cyfarfod",
        dt.date(2026, 10, 1),  # 23:55 GMT on 30 September is 00:55 BST on 1 October
        ZOE,
        [SAM, SIAN],
        [],
        "Notes from today’s meeting attached.",
        [("Nodiadau Zoë Ó Briain.txt", "text/plain")],
    ),
    "no-date-bad-charset.eml": (
        "Meeting notes",
        dt.date(2026, 6, 2),  # from the Received line
        ("", "partnerships@readingwales.org.uk"),
        [INBOX],
        [],
        "Diolch – see you at Llyfrgell Caerdydd on Thursday.",
        [],
    ),
    "no-date-at-all.eml": (
        "Cafe book club",
        FALLBACK,
        ("Cafe Books", "hello@cafebooks.example"),
        [INBOX],
        [],
        "Our café book club meets on Fridays – would the library like to host one?",
        [],
    ),
    "latin1-quoted-printable.eml": (
        "Réunion à Belfast",
        dt.date(2026, 6, 19),
        ("Ó Briain, Zoë", "zoe.obriain@sightline.example"),
        [INBOX],
        [],
        "Réunion confirmée à la bibliothèque centrale de Belfast.",
        [("Adroddiad Blŵyddyn.pdf", "application/pdf")],
    ),
    "outlook-received.msg": (
        "Adroddiad chwarterol – Darllen Cymru",
        dt.date(2026, 6, 3),
        SIAN,
        [TEAM],
        [ZOE],
        "Mae’r adroddiad chwarterol ynghlwm.",
        [("Adroddiad Siân – Ch1.pdf", "application/pdf")],
    ),
    "outlook-sent-html.msg": (
        "Rhestr llyfrau – diolch Zoë",
        dt.date(2026, 8, 1),  # 23:20 UTC on 31 July is 00:20 BST on 1 August
        SAM,
        [("Zoë Ó Briain", "zoe.obriain@sightline.example")],
        [],
        "The audiobook list is attached.",
        [("Rhestr Zoë.csv", "text/csv")],
    ),
}


def test_the_corpus_is_what_the_test_says() -> None:
    assert sorted(p.name for p in CORPUS_DIR.iterdir() if p.suffix in (".eml", ".msg")) == sorted(
        EXPECTED
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_saved_email_reads_right(name: str) -> None:
    subject, day, sender, to, cc, words, attachments = EXPECTED[name]
    email = read_email(CORPUS_DIR / name)
    assert email.subject == subject
    assert email.occurred_on(FALLBACK) == day
    assert email.sender is not None and (email.sender.name, email.sender.address) == sender
    assert [(p.name, p.address) for p in email.to] == to
    assert [(p.name, p.address) for p in email.cc] == cc
    assert words in email.body
    assert "<" not in email.body.split("<http")[0], "no HTML markup in the notes"
    assert [(a.name, a.media_type) for a in email.attachments] == attachments
    assert all(a.data for a in email.attachments)


def test_attachments_keep_their_bytes() -> None:
    outlook = read_email(CORPUS_DIR / "outlook.eml")
    assert outlook.attachments[0].data == pdf_bytes("Cytundeb partneriaeth Darllen Cymru 2026")
    forwarded = read_email(CORPUS_DIR / "thunderbird-forward.eml").attachments[0]
    inner = parse_email(forwarded.data, forwarded.name)
    assert (inner.subject, inner.message_id) == (
        "Reading Friends evaluation",
        "<eval-2026-01@readingfriends.example>",
    )


def test_the_message_ids_are_read_and_a_message_without_one_has_none() -> None:
    assert read_email(CORPUS_DIR / "outlook-received.msg").message_id == (
        "<AM0PR01MB5678QUARTERLY@AM0PR01MB5678.eurprd01.prod.outlook.com>"
    )
    assert read_email(CORPUS_DIR / "no-date-at-all.eml").message_id is None


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_the_msg_files_are_what_the_builder_makes(name: str) -> None:
    assert (CORPUS_DIR / name).read_bytes() == build_msg(CORPUS[name])


def test_the_notes_say_who_when_and_what() -> None:
    notes = read_email(CORPUS_DIR / "outlook.eml").notes()
    assert notes.startswith(
        "From: Siân Llŷr <sian.llyr@readingwales.org.uk>\n"
        "To: Partnerships Team <partnerships@librariesconnected.example>\n"
        "Cc: Zoë Ó Briain <zoe.obriain@sightline.example>\n"
        "Sent: 01 Jun 2026 09:12 (UK time)\n"
        "Attachments: Cytundeb Siân Llŷr.pdf\n\nAnnwyl bawb,"
    )


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"just some words\nwith no headers at all\n", "notes.eml"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "broken.msg"),
        (b"PK\x03\x04 a zip file", "archive.msg"),
    ],
)
def test_a_file_that_is_no_email_is_refused_in_words(data: bytes, name: str) -> None:
    with pytest.raises(UnreadableEmailError, match=name.replace(".", r"\.")):
        parse_email(data, name)

"""Passwords are never kept, and a server on another machine is reached over TLS."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy.engine import make_url

from brokerdesk.core.addresses import without_password
from brokerdesk.core.db import describe, tls_arguments
from brokerdesk.gui import settings as keys
from brokerdesk.gui.settings import Settings


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (
            "postgresql+psycopg://priya:s3cret@db.example.org:5432/brokerdesk",
            "postgresql+psycopg://priya@db.example.org:5432/brokerdesk",
        ),
        (
            "postgresql+psycopg://priya:p%40ss@db.example.org/brokerdesk",
            "postgresql+psycopg://priya@db.example.org/brokerdesk",
        ),
        (
            "postgresql+psycopg://priya@db.example.org/brokerdesk?password=s3cret&sslmode=require",
            "postgresql+psycopg://priya@db.example.org/brokerdesk?sslmode=require",
        ),
        ("postgresql+psycopg://:s3cret@db.example.org/b", "postgresql+psycopg://db.example.org/b"),
        ("/home/priya/team.sqlite3", "/home/priya/team.sqlite3"),
    ],
)
def test_every_kept_copy_of_an_address_has_no_password(typed: str, kept: str) -> None:
    assert without_password(typed) == kept
    if "://" in typed:
        assert "s3cret" not in describe(make_url(typed))


def test_recent_databases_never_hold_a_password(tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set(keys.RECENT_DATABASES, ["postgresql+psycopg://old:0ld-secret@server/b"])
    settings.add_recent_database("postgresql+psycopg://priya:s3cret@server/brokerdesk")
    settings.sync()
    saved = (tmp_path / "s.ini").read_text()
    assert "s3cret" not in saved and "0ld-secret" not in saved
    assert settings.get(keys.RECENT_DATABASES) == [
        "postgresql+psycopg://priya@server/brokerdesk",
        "postgresql+psycopg://old@server/b",
    ]


@pytest.mark.parametrize(
    ("address", "required"),
    [
        ("postgresql+psycopg://priya@db.example.org/brokerdesk", True),
        ("postgresql+psycopg://priya@10.0.0.5/brokerdesk", True),
        ("postgresql+psycopg://priya@localhost/brokerdesk", False),
        ("postgresql+psycopg://priya@127.0.0.1:5433/brokerdesk", False),
        ("postgresql+psycopg://priya@/brokerdesk?host=/var/run/postgresql", False),
        ("postgresql+psycopg://priya@db.example.org/brokerdesk?sslmode=disable", False),
        ("postgresql+psycopg://priya@db.example.org/brokerdesk?sslmode=verify-full", False),
    ],
)
def test_tls_is_required_for_a_server_on_another_machine(
    address: str, required: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PGSSLMODE", raising=False)
    assert tls_arguments(make_url(address)) == ({"sslmode": "require"} if required else {})


def test_pgsslmode_is_the_users_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGSSLMODE", "disable")
    assert tls_arguments(make_url("postgresql+psycopg://p@db.example.org/b")) == {}

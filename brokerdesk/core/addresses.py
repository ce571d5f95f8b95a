"""Database addresses as they may be shown, saved or logged: never with a password.

BrokerDesk never stores a password: libpq reads it from ``~/.pgpass``, ``PGPASSWORD`` or a
service file. Someone may still type ``postgresql+psycopg://priya:secret@server/db``; the
address then connects once, but every copy the app keeps (recent databases, the last
database, titles, messages) is this one, without the password. Plain text, no SQLAlchemy:
the window uses it before the database layer is loaded.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters libpq (and so psycopg) reads a secret from.
SECRET_PARAMETERS = frozenset({"password", "sslpassword"})


def without_password(address: str) -> str:
    """``address`` with any password taken out (a file path is returned as it is)."""
    if "://" not in address:
        return address
    parts = urlsplit(address)
    netloc = parts.netloc
    if "@" in netloc:
        credentials, _, host = netloc.rpartition("@")
        user = credentials.split(":", 1)[0]
        netloc = f"{user}@{host}" if user else host
    query = parts.query
    if query:
        kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True)]
        query = urlencode([(k, v) for k, v in kept if k.lower() not in SECRET_PARAMETERS])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))

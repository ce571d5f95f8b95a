"""Errors a user can act on. Their messages are written for people, not for developers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class BrokerDeskError(Exception):
    """Base of every error whose message is meant to be shown to the user as it is."""


class DatabaseError(BrokerDeskError):
    """A database could not be opened or used; the message is written for the user."""


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer BrokerDesk; it is left untouched."""


class DamagedDatabaseError(DatabaseError):
    """SQLite found the file damaged (malformed pages, not a database, a missing table).

    Every command and the app say so and point at ``brokerdesk check`` and ``restore``,
    instead of showing the driver's traceback.
    """


class ReadOnlyDatabaseError(DatabaseError):
    """The database file, or the folder it lives in, cannot be written by this user."""


class StorageError(DatabaseError):
    """The database driver failed to read or write (a lost server, a file changed under us).

    Services raise it in place of the driver's own exception, so windows catch the core's
    error types and never SQLAlchemy's.

    Attributes:
        reason: the driver's first line, to quote in a sentence the window writes.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(f"The database could not be used ({reason}).")


class DiskFullError(BrokerDeskError):
    """The disk filled up mid-write; the transaction or the copy was abandoned whole."""


class ValidationError(BrokerDeskError):
    """Values a form or an import offered that the data rules refuse.

    Attributes:
        field_errors: message per field name, shown beside the field in a form.
    """

    def __init__(self, field_errors: dict[str, str], message: str | None = None) -> None:
        self.field_errors = dict(field_errors)
        text = message or "; ".join(self.field_errors.values()) or "The values are not valid."
        super().__init__(text)


class NotFoundError(BrokerDeskError):
    """The record is gone (deleted by someone else, or a stale link)."""


class InUseError(BrokerDeskError):
    """A delete that would break other records the user has not agreed to change."""


class EditConflict(BrokerDeskError):  # noqa: N818 - the users' word for it
    """Someone else saved the record after this user opened it.

    Attributes:
        entity: table name of the record.
        record_id: its id.
        mine: the values this user tried to save (only the fields they changed).
        theirs: the record as it is now in the database.
        their_version: the version to quote when saving the merged values.
    """

    def __init__(
        self,
        entity: str,
        record_id: int,
        mine: dict[str, Any],
        theirs: dict[str, Any],
        their_version: int,
    ) -> None:
        self.entity = entity
        self.record_id = record_id
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        self.their_version = their_version
        super().__init__(
            "Someone else saved this record after you opened it. "
            "Choose which values to keep; nothing has been overwritten."
        )


class Cancelled(Exception):  # noqa: N818 - not an error: the user chose to stop
    """Long work stopped because the user cancelled; its transaction rolled back."""


@contextmanager
def storage_errors() -> Iterator[None]:
    """Let the core's own errors out of a service or an undo, never the driver's.

    A fault already said in words (damaged, read-only, full, busy) passes as it is; any other
    SQLAlchemy error becomes a :class:`StorageError` quoting the driver's first line.
    """
    try:
        yield
    except BrokerDeskError:
        raise
    except Exception as exc:
        from sqlalchemy.exc import (
            SQLAlchemyError,  # only once a fault happened: start-up stays light
        )

        if isinstance(exc, SQLAlchemyError):
            raise StorageError(reason_of(exc)) from exc
        raise


def reason_of(exc: BaseException) -> str:
    """The driver's own first line for a database fault (what a status bar can quote)."""
    text = str(getattr(exc, "orig", None) or exc)
    return (text.splitlines() or [""])[0]

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


class NotAllowedError(BrokerDeskError):
    """The team server refused the change: the person's role does not allow it.

    Roles are enforced by PostgreSQL's grants (core/team/roles.py); the transaction was
    rolled back whole.
    """

    def __init__(self) -> None:
        super().__init__(
            "Your role on the team server does not allow this change, so nothing was saved. "
            "You can view but not change these records: ask an admin (Tools ▸ Team…)."
        )


class ConnectionLostError(StorageError):
    """The team server went away (network, restart, failover) during the action.

    The transaction did not commit, so nothing was half-written; the pool reconnects on the
    next action (pre-ping), so trying again is the remedy.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        DatabaseError.__init__(
            self,
            "The connection to the team server was lost, so this was not done and nothing "
            "was half-written. BrokerDesk reconnects by itself: try again in a moment.",
        )


# PostgreSQL SQLSTATEs: the connection failed (class 08) or the server shut down.
_CONNECTION_STATES = ("57P01", "57P02", "57P03")


def _sqlstate(exc: BaseException) -> str:
    return str(getattr(getattr(exc, "orig", None), "sqlstate", None) or "")


def is_connection_lost(exc: BaseException) -> bool:
    """A driver fault that means the server went away rather than refused the SQL.

    The connection was dropped (SQLAlchemy invalidated it), the server said it is shutting
    down or cannot connect (SQLSTATE class 08, 57P01-03), or psycopg could not reach it at
    all (an OperationalError with no SQLSTATE: refused, timed out, no route).
    """
    if getattr(exc, "connection_invalidated", False):
        return True
    state = _sqlstate(exc)
    if state.startswith("08") or state in _CONNECTION_STATES:
        return True
    original = getattr(exc, "orig", None)
    return (
        not state
        and type(original).__name__ == "OperationalError"
        and type(original).__module__.startswith("psycopg")
    )


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


class RefusedError(ValidationError):
    """The database's own rules refused a write: a name already taken, a link to a record
    that is gone, a required value missing. Nothing was written.

    The database is the last line of defence (forms and imports check first), so this is
    rare; services that know the record say it in their words through
    :func:`refusal_sentence`.

    Attributes:
        detail: the driver's first line (its words say which rule: "UNIQUE", "FOREIGN KEY").
    """

    def __init__(self, detail: str, message: str | None = None) -> None:
        self.detail = detail
        super().__init__({}, message or refusal_sentence(detail, "record"))


class StaleRecordError(BrokerDeskError):
    """Someone else changed or deleted the record between this user's read and write."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "Someone else changed or deleted this record while you were saving it, so "
            "nothing was written. Open it again to see their version, then try again."
        )


def refusal_sentence(detail: str, label: str) -> str:
    """A database refusal (the driver's words in ``detail``) as a sentence about a ``label``."""
    text = detail.lower()
    if "unique" in text or "duplicate" in text:
        return f"This {label} already exists."
    if "foreign key" in text:
        return f"This {label} refers to a record that no longer exists."
    if "not_blank" in text or "not null" in text:
        return f"A required field of this {label} is empty."
    if "end_not_before_start" in text or "follow_up_not_before" in text:
        return "The end date is before the start date."
    if "check" in text:
        return f"A value of this {label} is not allowed."
    return f"The database refused this {label}: {detail}"


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

    Every session a service opens (``Database.read`` and ``Database.write``) runs inside it.
    A fault already said in words (damaged, read-only, full, busy) passes as it is; a
    refusal by the database's rules becomes a :class:`RefusedError`, a write that found the
    record changed meanwhile a :class:`StaleRecordError`, a record that vanished between
    two reads a :class:`NotFoundError`, and any other SQLAlchemy error a
    :class:`StorageError` quoting the driver's first line.
    """
    try:
        yield
    except BrokerDeskError:
        raise
    except Exception as exc:
        # Imported only once a fault happened: start-up stays light.
        from sqlalchemy.exc import IntegrityError, NoResultFound, SQLAlchemyError
        from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError

        if _sqlstate(exc) == "42501":  # insufficient_privilege: the role's grants
            raise NotAllowedError() from exc
        if isinstance(exc, SQLAlchemyError) and is_connection_lost(exc):
            raise ConnectionLostError(reason_of(exc)) from exc
        if isinstance(exc, IntegrityError):
            raise RefusedError(reason_of(exc)) from exc
        if isinstance(exc, StaleDataError):
            raise StaleRecordError() from exc
        if isinstance(exc, NoResultFound | ObjectDeletedError):
            raise NotFoundError(
                "The record is no longer there: someone may have deleted it meanwhile."
            ) from exc
        if isinstance(exc, SQLAlchemyError):
            raise StorageError(reason_of(exc)) from exc
        raise


def reason_of(exc: BaseException) -> str:
    """The driver's own first line for a database fault (what a status bar can quote)."""
    text = str(getattr(exc, "orig", None) or exc)
    return (text.splitlines() or [""])[0]

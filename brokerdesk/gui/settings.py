"""Every setting declared once, typed, over QSettings.

Window geometry, splitter positions and column layouts are remembered per user. Passwords
are never settings: team-mode credentials come from libpq (~/.pgpass, PGPASSWORD) or the
system keyring.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    """A declared setting: its key, type and default."""

    key: str
    kind: type
    default: T


WINDOW_GEOMETRY = Setting[QByteArray]("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting[QByteArray]("window/state", QByteArray, QByteArray())
RECENT_DATABASES = Setting[list[str]]("databases/recent", list, [])
LAST_DATABASE = Setting[str]("databases/last", str, "")
USER_NAME = Setting[str]("user/name", str, "")
FOLLOW_UP_DAYS = Setting[int]("interactions/follow_up_days", int, 14)
EXPORT_FOLDER = Setting[str]("export/folder", str, "")  # last folder exports went to
# The largest file kept as a document (issue #18); 0 or less keeps the built-in 25 MB.
DOCUMENT_LIMIT_MB = Setting[int]("documents/limit_mb", int, 25)
THEME = Setting[str]("appearance/theme", str, "system")  # system, light, dark, high_contrast
TODAY_AT_START = Setting[int]("today/at_start", int, 1)  # 1: open on the Today page
KEPT_CALENDAR = Setting[str]("calendar/kept_file", str, "")  # .ics rewritten after changes


class Settings:
    """Typed access to the declared settings (and per-view layouts by key)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings("BrokerDesk", "BrokerDesk")

    def get(self, setting: Setting[T]) -> T:
        value: Any = self._q.value(setting.key, setting.default)
        if value is None:
            return setting.default
        if setting.kind is list:
            # QSettings returns a lone string for a one-item list on some platforms.
            result: Any = [value] if isinstance(value, str) else list(value)
            return cast(T, result)
        if setting.kind is int:
            try:
                return cast(T, int(value))
            except (TypeError, ValueError):
                return setting.default
        return cast(T, value)

    def set(self, setting: Setting[T], value: T) -> None:
        self._q.setValue(setting.key, value)

    def layout(self, name: str) -> QByteArray | None:
        """A saved header or splitter state, by view name."""
        value = self._q.value(f"layout/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_layout(self, name: str, state: QByteArray) -> None:
        self._q.setValue(f"layout/{name}", state)

    def value(self, key: str, default: Any = None) -> Any:
        return self._q.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._q.setValue(key, value)

    def add_recent_database(self, address: str, limit: int = 8) -> None:
        """Remember ``address`` first in the recent list, always without a password."""
        from brokerdesk.core.addresses import without_password

        address = without_password(address)
        recent = [without_password(a) for a in self.get(RECENT_DATABASES)]
        recent = [a for a in dict.fromkeys(recent) if a != address]
        self.set(RECENT_DATABASES, [address, *recent][:limit])

    def sync(self) -> None:
        self._q.sync()

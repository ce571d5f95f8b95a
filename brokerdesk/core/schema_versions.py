"""Which schema versions this BrokerDesk ships: the migrations folder and its revisions.

Migrating (:mod:`brokerdesk.core.migrate`), checking a backup before restoring it
(:mod:`brokerdesk.core.backup`) and ``brokerdesk check`` all ask whether a file's schema is
one this app knows. They read it here, below all three, so none of them imports another for
it. Alembic is imported only when a question needs it, as opening an up-to-date database
never does.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^revision\b[^=\n]*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_REVISES = re.compile(r"^down_revision\b[^=\n]*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)


def _newest_shipped() -> str:
    """The one revision no other migration revises, read from the scripts' text.

    A new migration is one new file: the head follows it without an edit here, and without
    importing Alembic (opening an up-to-date database must stay fast).
    """
    revisions: set[str] = set()
    revised: set[str] = set()
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        text = script.read_text("utf-8")
        for pattern, found in ((_REVISION, revisions), (_REVISES, revised)):
            match = pattern.search(text)
            if match is not None:
                found.add(match[1])
    heads = revisions - revised
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


# The newest migration this app ships (a test checks it against Alembic's own head).
HEAD_REVISION = _newest_shipped()


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "BrokerDesk ships at least one migration"
    return head


def known_revisions() -> set[str]:
    """Every schema revision this app can open (a file at any other was saved by a newer one)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}

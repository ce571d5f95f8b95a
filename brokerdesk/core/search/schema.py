"""The search index's tables and triggers, on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm).

One index row per searchable record, keyed ``entity code * 2**32 + record id`` so that a
trigger can replace a record's row by key and a search can ask for one kind of record with a
cheap key range. The row holds two folded texts: ``name`` (what the record is called: the
thing a user types most) and ``body`` (notes, descriptions, emails, addresses, the names of
its tags and the text of its own fields).

Triggers, not application code, keep the index in step, so the ORM, bulk Core inserts,
imports and the sqlite3 shell all leave it right. Every trigger does the same thing: it
"refreshes" a set of record ids (delete their rows, insert the rows of the records that still
exist). :func:`rebuild_index` calls the functions here. Migrations 0002 and 0005 ran them
too, and now run a frozen copy of what they generated (``core/migrations/sql``): a change
here reaches existing databases only through a new migration (or a rebuild), which freezes
what this code then generates (0011 and 0015 made every trigger again and refilled the
index; ``tests/core/test_migrations.py`` checks the newest frozen SQL is what this builds).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from brokerdesk.core.search.folding import postgres_fold_function_sql, sqlite_folded_select

KEY_BASE = 4_294_967_296  # 2**32: record ids stay below it


@dataclass(frozen=True)
class IndexedEntity:
    """How one kind of record becomes an index row (SQL over alias ``x``)."""

    entity: str
    code: int
    table: str
    name_sql: str
    body_sql: str

    @property
    def low(self) -> int:
        return self.code * KEY_BASE

    @property
    def high(self) -> int:
        return (self.code + 1) * KEY_BASE - 1


# Interactions get the highest code: searches that skip them (short queries, typo candidates)
# then read one contiguous key range below theirs.
_RECORD_COLUMNS: tuple[IndexedEntity, ...] = (
    IndexedEntity(
        "library_service",
        1,
        "library_service",
        "x.nice_name || ' | ' || x.name || ' | ' || x.gss_code || coalesce(' | ' || "
        "(SELECT {agg}(v.name, ' | ') FROM service_name_variant v WHERE v.service_id = x.id), '')",
        "coalesce(x.region, '') || ' ' || coalesce(x.notes, '')",
    ),
    IndexedEntity(
        "partner",
        2,
        "partner",
        "x.name",
        "coalesce(x.website, '') || ' ' || coalesce(x.notes, '')",
    ),
    IndexedEntity("programme", 3, "programme", "x.name", "coalesce(x.description, '')"),
    IndexedEntity(
        "contact",
        4,
        "contact",
        "x.full_name",
        "coalesce(x.email, '') || ' ' || coalesce(x.role, '')",
    ),
    IndexedEntity(
        "branch",
        5,
        "branch",
        "x.name || coalesce(' | ' || x.postcode || ' | ' || replace(x.postcode, ' ', ''), '')",
        "coalesce(x.address, '')",
    ),
    IndexedEntity("interaction", 6, "interaction", "x.subject", "coalesce(x.notes, '')"),
    # Documents come after interactions and, like them, are searched by the words inside
    # (the text read from the file, migration 0009).
    IndexedEntity(
        "document",
        7,
        "document",
        "x.name",
        "coalesce(x.note, '') || ' ' || coalesce("
        "(SELECT c.text FROM document_content c WHERE c.document_id = x.id), '')",
    ),
    # Kinds added later take the next code (a key range of their own): grants, migration 0008.
    IndexedEntity(
        "funding_grant",
        8,
        "funding_grant",
        "x.title",
        "coalesce(x.owner, '') || ' ' || coalesce(x.notes, '')",
    ),
    # Agreements: by title, owner and notes; migration 0014.
    IndexedEntity(
        "agreement",
        9,
        "agreement",
        "x.title",
        "coalesce(x.owner, '') || ' ' || coalesce(x.notes, '')",
    ),
)


# Kinds whose records carry tags (core.tagging): each keeps them in a link table
# ``<kind>_tag`` with a ``<kind>_id`` column. Their tags' names are in the body (0015).
TAGGED_KINDS: tuple[str, ...] = (
    "partner",
    "library_service",
    "programme",
    "contact",
    "interaction",
)
# Kinds whose records carry no fields of the team's own (core.services.custom_values).
WITHOUT_OWN_FIELDS = frozenset({"branch"})


def _with_tags(e: IndexedEntity) -> IndexedEntity:
    """``e`` with the names of its records' tags in its body."""
    tags = (
        "coalesce(' ' || (SELECT {agg}(t.name, ' ') "
        f"FROM {e.entity}_tag lt JOIN tag t ON t.id = lt.tag_id "
        f"WHERE lt.{e.entity}_id = x.id), '')"
    )
    return IndexedEntity(e.entity, e.code, e.table, e.name_sql, f"{e.body_sql} || {tags}")


def _with_own_fields(e: IndexedEntity) -> IndexedEntity:
    """``e`` with the text of its records' own fields (Tools ▸ Custom fields…) in its body:
    text, long text and choices of every field not removed."""
    own = (
        "coalesce(' ' || (SELECT {agg}(coalesce(cv.long_value, cv.text_value), ' ') "
        "FROM custom_value cv JOIN custom_field cf ON cf.id = cv.field_id "
        f"WHERE cf.entity = '{e.entity}' AND cf.removed_at IS NULL "
        "AND cv.record_id = x.id), '')"
    )
    return IndexedEntity(e.entity, e.code, e.table, e.name_sql, f"{e.body_sql} || {own}")


def _indexed(e: IndexedEntity) -> IndexedEntity:
    if e.entity in TAGGED_KINDS:
        e = _with_tags(e)
    return e if e.entity in WITHOUT_OWN_FIELDS else _with_own_fields(e)


# Documents, grants and agreements joined the index (0008, 0009, 0014) with triggers frozen
# without the team's own fields, and only partners' tags were indexed: migration 0015 made
# the triggers again with every tagged kind's tags and every kind's own fields.
ENTITIES: tuple[IndexedEntity, ...] = tuple(_indexed(e) for e in _RECORD_COLUMNS)
BY_NAME = {e.entity: e for e in ENTITIES}


@dataclass(frozen=True)
class _Trigger:
    """Writes to ``table`` (on ``events``) change the index rows of ``entity``: ``ids``."""

    name: str
    table: str
    events: tuple[str, ...]
    entity: str
    ids: dict[str, str]  # event -> SELECT of the affected record ids, column ``i``
    # UPDATE fires only when one of these columns changes (empty: any column). Interactions
    # are indexed by subject and notes alone, and other columns of theirs are kept by
    # triggers of their own (the list's sort names), which must not re-index a million rows.
    update_of: tuple[str, ...] = ()

    def event_sql(self, event: str) -> str:
        if event == "UPDATE" and self.update_of:
            return f"UPDATE OF {', '.join(self.update_of)}"
        return event


# Entities whose index rows come from these columns of their own table only.
INDEXED_COLUMNS = {"interaction": ("subject", "notes"), "document": ("name", "note")}


def _triggers() -> list[_Trigger]:
    found = [
        _Trigger(
            f"search_{e.entity}",
            e.table,
            ("INSERT", "UPDATE", "DELETE"),
            e.entity,
            {
                "INSERT": "SELECT NEW.id AS i",
                "UPDATE": "SELECT OLD.id AS i UNION SELECT NEW.id",
                "DELETE": "SELECT OLD.id AS i",
            },
            INDEXED_COLUMNS.get(e.entity, ()),
        )
        for e in ENTITIES
    ]
    found.append(
        _Trigger(
            "search_service_name_variant",
            "service_name_variant",
            ("INSERT", "UPDATE", "DELETE"),
            "library_service",
            {
                "INSERT": "SELECT NEW.service_id AS i",
                "UPDATE": "SELECT OLD.service_id AS i UNION SELECT NEW.service_id",
                "DELETE": "SELECT OLD.service_id AS i",
            },
        )
    )
    found.append(
        _Trigger(
            "search_document_content",
            "document_content",
            ("INSERT", "UPDATE", "DELETE"),
            "document",
            {
                "INSERT": "SELECT NEW.document_id AS i",
                "UPDATE": "SELECT OLD.document_id AS i UNION SELECT NEW.document_id",
                "DELETE": "SELECT OLD.document_id AS i",
            },
            ("text",),
        )
    )
    for kind in TAGGED_KINDS:
        link, record = f"{kind}_tag", f"{kind}_id"
        found.append(
            _Trigger(
                f"search_{link}",
                link,
                ("INSERT", "UPDATE", "DELETE"),
                kind,
                {
                    "INSERT": f"SELECT NEW.{record} AS i",
                    "UPDATE": f"SELECT OLD.{record} AS i UNION SELECT NEW.{record}",
                    "DELETE": f"SELECT OLD.{record} AS i",
                },
            )
        )
        found.append(  # a tag renamed: the records carrying it (partners' kept its old name)
            _Trigger(
                "search_tag" if kind == "partner" else f"search_tag_{kind}",
                "tag",
                ("UPDATE",),
                kind,
                {"UPDATE": f"SELECT lt.{record} AS i FROM {link} lt WHERE lt.tag_id = NEW.id"},
                ("name",),
            )
        )
    for e in ENTITIES:
        if e.entity in WITHOUT_OWN_FIELDS:
            continue
        of_kind = (
            "EXISTS (SELECT 1 FROM custom_field f WHERE f.id = {}.field_id "
            f"AND f.entity = '{e.entity}')"
        )
        found.append(
            _Trigger(
                f"search_custom_value_{e.entity}",
                "custom_value",
                ("INSERT", "UPDATE", "DELETE"),
                e.entity,
                {
                    "INSERT": f"SELECT NEW.record_id AS i WHERE {of_kind.format('NEW')}",
                    "UPDATE": f"SELECT OLD.record_id AS i WHERE {of_kind.format('OLD')} "
                    f"UNION SELECT NEW.record_id WHERE {of_kind.format('NEW')}",
                    "DELETE": f"SELECT OLD.record_id AS i WHERE {of_kind.format('OLD')}",
                },
            )
        )
        found.append(  # a field removed or put back: its values leave or rejoin the index
            _Trigger(
                f"search_custom_field_{e.entity}",
                "custom_field",
                ("UPDATE",),
                e.entity,
                {
                    "UPDATE": "SELECT v.record_id AS i FROM custom_value v "
                    f"WHERE v.field_id = NEW.id AND NEW.entity = '{e.entity}'"
                },
                ("removed_at",),
            )
        )
    return found


TRIGGERS = _triggers()


def _inner(e: IndexedEntity, agg: str, where: str) -> str:
    return (
        f"SELECT {e.code} * {KEY_BASE} + x.id AS k, {e.name_sql.format(agg=agg)} AS n, "
        f"{e.body_sql.format(agg=agg)} AS b FROM {e.table} x {where}"
    )


# --------------------------------------------------------------------------------- SQLite


def sqlite_rows_sql(e: IndexedEntity, where: str = "") -> str:
    """SELECT k, n, b: the folded index rows of ``e``'s records matching ``where``."""
    return sqlite_folded_select(_inner(e, "group_concat", where), "k", ("n", "b"))


def _sqlite_trigger_names() -> list[str]:
    return [f"{t.name}_{ev.lower()}" for t in TRIGGERS for ev in t.events]


def create_sqlite(conn: Connection) -> None:
    """Create the FTS5 table and the triggers (the index is filled by :func:`fill`)."""
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_index "
        "USING fts5(name, body, tokenize = 'trigram case_sensitive 0')"
    )
    create_sqlite_triggers(conn)


def create_sqlite_triggers(conn: Connection) -> None:
    for t in TRIGGERS:
        e = BY_NAME[t.entity]
        for event in t.events:
            ids = t.ids[event]
            steps = []
            if not (event == "INSERT" and t.table == e.table):
                steps.append(
                    f"DELETE FROM search_index WHERE rowid IN "
                    f"(SELECT {e.code} * {KEY_BASE} + i FROM ({ids}));"
                )
            if not (event == "DELETE" and t.table == e.table):
                rows = sqlite_rows_sql(e, f"WHERE x.id IN (SELECT i FROM ({ids}))")
                steps.append(f"INSERT INTO search_index(rowid, name, body) {rows};")
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {t.name}_{event.lower()} "
                f"AFTER {t.event_sql(event)} "
                f"ON {t.table} FOR EACH ROW BEGIN {' '.join(steps)} END"
            )


def drop_sqlite(conn: Connection) -> None:
    for name in _sqlite_trigger_names():
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql("DROP TABLE IF EXISTS search_index")


# ----------------------------------------------------------------------------- PostgreSQL


def _pg_refresh_function(e: IndexedEntity) -> str:
    inner = _inner(e, "string_agg", "WHERE x.id = ANY(ids)")
    return (
        f"CREATE OR REPLACE FUNCTION search_refresh_{e.entity}(ids integer[]) RETURNS void "
        f"LANGUAGE plpgsql AS $$ BEGIN "
        f"DELETE FROM search_index WHERE key IN "
        f"(SELECT {e.code}::bigint * {KEY_BASE} + i FROM unnest(ids) AS i); "
        f"INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), "
        f"brokerdesk_fold(r.b) FROM ({inner}) r; END $$"
    )


def _pg_trigger_function(t: _Trigger) -> str:
    branches = []
    for event in t.events:
        ids = t.ids[event]
        branches.append(
            f"IF TG_OP = '{event}' THEN PERFORM search_refresh_{t.entity}"
            f"(ARRAY(SELECT z.i FROM ({ids}) z WHERE z.i IS NOT NULL)); END IF;"
        )
    return (
        f"CREATE OR REPLACE FUNCTION {t.name}_trigger() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN {' '.join(branches)} RETURN NULL; END $$"
    )


def create_postgres(conn: Connection) -> None:
    """pg_trgm, the folding function, the index table with GIN trigram indexes, triggers."""
    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    conn.exec_driver_sql(postgres_fold_function_sql())
    conn.exec_driver_sql(
        "CREATE TABLE IF NOT EXISTS search_index "
        "(key bigint PRIMARY KEY, name text NOT NULL, body text NOT NULL)"
    )
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_search_index_name_trgm ON search_index "
        "USING gin (name gin_trgm_ops)"
    )
    conn.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_search_index_body_trgm ON search_index "
        "USING gin (body gin_trgm_ops)"
    )
    create_postgres_triggers(conn)


def create_postgres_triggers(conn: Connection) -> None:
    for e in ENTITIES:
        conn.exec_driver_sql(_pg_refresh_function(e))
    for t in TRIGGERS:
        conn.exec_driver_sql(_pg_trigger_function(t))
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {t.name} ON {t.table}")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {t.name} AFTER {' OR '.join(t.event_sql(e) for e in t.events)} "
            f"ON {t.table} "
            f"FOR EACH ROW EXECUTE FUNCTION {t.name}_trigger()"
        )


def drop_postgres(conn: Connection) -> None:
    for t in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {t.name} ON {t.table}")
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {t.name}_trigger()")
    for e in ENTITIES:
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS search_refresh_{e.entity}(integer[])")
    conn.exec_driver_sql("DROP TABLE IF EXISTS search_index")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS brokerdesk_fold(text)")


# ------------------------------------------------------------------------------- both


def create(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        create_sqlite(conn)
    else:
        create_postgres(conn)


def drop(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        drop_sqlite(conn)
    else:
        drop_postgres(conn)


def fill(conn: Connection) -> None:
    """Write every record's index row (after emptying the index)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM search_index")
        for e in ENTITIES:
            conn.exec_driver_sql(
                f"INSERT INTO search_index(rowid, name, body) {sqlite_rows_sql(e)}"
            )
        conn.exec_driver_sql("INSERT INTO search_index(search_index) VALUES ('optimize')")
    else:
        conn.exec_driver_sql("DELETE FROM search_index")
        for e in ENTITIES:
            conn.exec_driver_sql(
                f"INSERT INTO search_index(key, name, body) SELECT r.k, brokerdesk_fold(r.n), "
                f"brokerdesk_fold(r.b) FROM ({_inner(e, 'string_agg', '')}) r"
            )


def key_column(dialect: str) -> str:
    return "rowid" if dialect == "sqlite" else "key"


def trigger_names(dialect: str) -> list[str]:
    return _sqlite_trigger_names() if dialect == "sqlite" else [t.name for t in TRIGGERS]


def present_triggers(conn: Connection) -> set[str]:
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    else:
        rows = conn.execute(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"))
    return {r[0] for r in rows}

"""Fuzzing every value a user can type into a form, through the services.

For each editable field of partners, contacts, programmes, participations and interactions,
hypothesis types arbitrary text, numbers, dates and amounts. The service must either refuse
with a ValidationError (and store nothing: the record and the count are unchanged) or store
the value, which then reads back exactly as the form's cleaning makes it.

Known gaps in ``services/fields.py``, reported and kept out of the strategies below until it
is fixed (each currently escapes as a raw exception instead of a ValidationError): whole
numbers beyond 32 bits (OverflowError on SQLite, DataError on PostgreSQL), the amount
"NaN" (decimal.InvalidOperation), and amounts wider than Numeric(12, 2).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brokerdesk.core.db import Database, open_database
from brokerdesk.core.errors import ValidationError
from brokerdesk.core.services import Services
from brokerdesk.core.services.fields import Field, validate
from brokerdesk.core.services.records import RecordService
from tests.builders import small_world

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_names = itertools.count()


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, dict[str, Any]]]:
    db = open_database(Path(tmp_path_factory.mktemp("fuzz")) / "fuzz.sqlite3", user_name="fuzz")
    world = small_world.build(db)
    s = Services(db)
    area = world.offer_areas["reading"]
    partner = s.partners.create({"name": "Fuzz Partner"}).id
    programme = s.programmes.create({"name": "Fuzz Programme", "offer_area_id": area}).id
    records = {
        "partner": partner,
        "contact": s.contacts.create({"full_name": "Fuzz Contact"}).id,
        "programme": programme,
        "participation": s.participations.create(
            {"programme_id": programme, "service_id": world.services["E08000003"]}
        ).id,
        "interaction": s.interactions.create(
            {"subject": "Fuzz call", "occurred_on": dt.date(2026, 1, 1), "partner_id": partner}
        ).id,
        "area": area,
    }
    yield db, records
    db.dispose()


def typed_values(field: Field) -> st.SearchStrategy[Any]:
    """What a person (or a paste from a spreadsheet) can put in this kind of field."""
    anything = st.one_of(st.text(max_size=300), st.none(), st.just("   "))
    if field.kind in ("int",):
        return st.one_of(
            anything,
            st.integers(min_value=-(2**31), max_value=2**31 - 1),
            st.integers(min_value=-(2**31), max_value=2**31 - 1).map(lambda n: f"{n:,}"),
        )
    if field.kind == "decimal":
        return st.one_of(
            anything,
            st.decimals(min_value=-(10**9), max_value=10**9, places=3),
            st.decimals(min_value=0, max_value=10**9, places=2).map(lambda d: f"£{d:,}"),
        )
    if field.kind == "date":
        return st.one_of(
            anything,
            st.dates(),
            st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
            st.dates().map(lambda d: d.isoformat()),
        )
    if field.kind == "bool":
        return st.one_of(st.booleans(), st.sampled_from(["yes", "No", "x", "", "maybe"]))
    if field.kind == "choice" and field.choices:
        return st.one_of(anything, st.sampled_from([*field.choices, *field.choices.values()]))
    if field.kind == "email":
        return st.one_of(anything, st.emails(), st.emails().map(lambda e: f" mailto:{e} "))
    return st.one_of(anything, st.text(min_size=1, max_size=40).map(lambda t: f"  {t}\u00a0 "))


# Link fields need an existing record: typing into them is a choice from a list, not free text.
LINKS = {
    "partner_id",
    "service_id",
    "programme_id",
    "contact_id",
    "branch_id",
    "local_contact_id",
    "offer_area_id",
}


def _fields(service: RecordService) -> list[Field]:  # type: ignore[type-arg]
    return [f for f in service.fields if f.name not in LINKS]


def _expected(service: RecordService, name: str, value: Any) -> Any:  # type: ignore[type-arg]
    """The form's cleaning of one value, or ValidationError."""
    return validate(service.fields, {name: value}, partial=True)[name]


def _check_update(db: Database, entity: str, record_id: int, name: str, value: Any) -> None:
    service = Services(db).for_entity(entity)
    before = service.get(record_id)
    try:
        cleaned = _expected(service, name, value)
    except ValidationError:
        with pytest.raises(ValidationError):
            service.update(record_id, {name: value})
        assert service.get(record_id) == before, "a refused value is never stored"
        return
    try:
        service.update(record_id, {name: value})
    except ValidationError as exc:  # a cross-field or database rule refused it, with a message
        assert str(exc)
        assert service.get(record_id) == before
        return
    assert service.get(record_id)[name] == cleaned


ENTITIES = ("partner", "contact", "programme", "participation", "interaction")


@pytest.mark.parametrize("entity", ENTITIES)
@FUZZ
@given(data=st.data())
def test_update_stores_the_cleaned_value_or_refuses(
    fuzz_db: tuple[Database, dict[str, Any]], entity: str, data: st.DataObject
) -> None:
    db, records = fuzz_db
    service = Services(db).for_entity(entity)
    field = data.draw(st.sampled_from(_fields(service)), label="field")
    value = data.draw(typed_values(field), label=field.name)
    _check_update(db, entity, records[entity], field.name, value)


def _base(entity: str, records: dict[str, Any]) -> dict[str, Any]:
    n = next(_names)
    return {
        "partner": {"name": f"Fuzz partner {n}"},
        "contact": {"full_name": f"Fuzz person {n}"},
        "programme": {"name": f"Fuzz programme {n}", "offer_area_id": records["area"]},
        "interaction": {
            "subject": f"Fuzz meeting {n}",
            "occurred_on": dt.date(2026, 1, 1),
            "partner_id": records["partner"],
        },
    }[entity]


@pytest.mark.parametrize("entity", ("partner", "contact", "programme", "interaction"))
@FUZZ
@given(data=st.data())
def test_create_stores_the_cleaned_value_or_nothing(
    fuzz_db: tuple[Database, dict[str, Any]], entity: str, data: st.DataObject
) -> None:
    db, records = fuzz_db
    service = Services(db).for_entity(entity)
    field = data.draw(st.sampled_from(_fields(service)), label="field")
    value = data.draw(typed_values(field), label=field.name)
    values = {**_base(entity, records), field.name: value}
    count = service.count()
    try:
        created = service.create(values)
    except ValidationError as exc:
        assert str(exc)
        assert service.count() == count, "nothing half-written"
        return
    stored = service.get(created.id)[field.name]
    expected = validate(service.fields, {**service.defaults, **values})[field.name]
    if expected is None:  # an empty field: the record gets the column's default, if it has one
        # (a field kept in a table of its own, a programme's series, has no column default)
        column = service.model.__table__.c.get(field.name)  # type: ignore[attr-defined]
        default = None if column is None else column.default
        expected = None if default is None or callable(default.arg) else default.arg
    assert stored == expected
    if isinstance(stored, str):
        assert stored == stored.strip() and stored
    if isinstance(stored, Decimal):
        assert stored == stored.quantize(Decimal("0.01"))

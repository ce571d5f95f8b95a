"""Every kind of record BrokerDesk knows, registered once.

The navigation, forms, record pages, the search palette, undo, history, the Services bundle,
the saved views and the command line all name kinds of record; they read those names, and
where each kind's service, list and page live, from ``KINDS`` instead of keeping tables of
their own. Adding a kind is one ``RecordKind`` here, its model (and a migration), its service
module (the service and its list) and its page module: ``tests/architecture/
test_adding_a_kind.py`` adds one and checks that nothing else needs an edit.

The words are English as the team says them ("library service", lower case, as they appear
inside sentences), each marked with ``QT_TRANSLATE_NOOP`` so that lupdate files it in the
catalogue (context "RecordKinds"); the GUI translates them (``brokerdesk.gui.kind_words``), so
core stays without Qt. The service, list and page are named by dotted path and imported when
first asked for: this module imports nothing of the database layer (the main window reads it
before SQLAlchemy is loaded) and nothing of the GUI.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the catalogue under ``context`` (lupdate reads calls by this name);
    the GUI translates it where it is shown."""
    return text


@dataclass(frozen=True)
class RecordKind:
    """One kind of record.

    Attributes:
        key: the table name, which is also the kind's key everywhere ("library_service").
        singular: one of them, as said inside a sentence ("library service").
        plural: several of them ("library services").
        service: dotted path of the ``RecordService`` class that owns its records
            ("brokerdesk.core.services.partners.PartnerService"), or None.
        records: dotted path of the function that builds its list (a ``core.lists.RecordList``
            shown in the navigation), or None for a kind without a list.
        search_type: its type in ``core.search`` (``SEARCH_TYPES``), or None if not indexed
            (its list's search field then matches its text columns plainly).
        page: dotted path of its GUI record page class (a ``RecordPage`` whose ``entity`` is
            ``key``), or None. A string: core names the page but never imports the GUI.
        creatable: the user may make new ones (library services come from reference data).
        shown_in: the other kinds whose lists or pages show this kind's data (a partner's name
            in the programme list): they refresh when it changes (``gui.changes``).
    """

    key: str
    singular: str
    plural: str
    service: str | None = None
    records: str | None = None
    search_type: str | None = None
    page: str | None = None
    creatable: bool = True
    shown_in: frozenset[str] = frozenset()

    @property
    def listed(self) -> bool:
        """It has a list, shown in the navigation."""
        return self.records is not None

    @property
    def has_page(self) -> bool:
        return self.page is not None

    @property
    def title(self) -> str:
        """The kind as a heading or list name: "Library services"."""
        return self.plural[:1].upper() + self.plural[1:]

    def count(self, n: int) -> str:
        """ "1 partner", "3 partners", "1,204 library services"."""
        return f"{n:,} {self.singular if n == 1 else self.plural}"


@functools.cache
def load(path: str) -> Any:
    """The class or function a registration names by dotted path ("package.module.Name").

    Raises:
        ImportError: the module is not there.
        AttributeError: the module has no such name.
    """
    module, _dot, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


_SERVICES = "brokerdesk.core.services."
_LISTS = "brokerdesk.core.lists."
_PAGES = "brokerdesk.gui.views.pages."

# In the order the navigation shows them (then the kinds without a list).
REGISTERED: tuple[RecordKind, ...] = (
    RecordKind(
        "partner",
        QT_TRANSLATE_NOOP("RecordKinds", "partner"),
        QT_TRANSLATE_NOOP("RecordKinds", "partners"),
        service=_SERVICES + "partners.PartnerService",
        records=_LISTS + "partner_list",
        search_type="partner",
        page=_PAGES + "partner.PartnerPage",
        shown_in=frozenset({"programme", "contact", "interaction"}),
    ),
    RecordKind(
        "library_service",
        QT_TRANSLATE_NOOP("RecordKinds", "library service"),
        QT_TRANSLATE_NOOP("RecordKinds", "library services"),
        service=_SERVICES + "library_services.LibraryServiceService",
        records=_LISTS + "library_service_list",
        search_type="library_service",
        page=_PAGES + "service.ServicePage",
        creatable=False,
        shown_in=frozenset({"programme", "contact", "interaction"}),
    ),
    RecordKind(
        "programme",
        QT_TRANSLATE_NOOP("RecordKinds", "programme"),
        QT_TRANSLATE_NOOP("RecordKinds", "programmes"),
        service=_SERVICES + "programmes.ProgrammeService",
        records=_LISTS + "programme_list",
        search_type="programme",
        page=_PAGES + "programme.ProgrammePage",
        shown_in=frozenset({"partner", "library_service", "interaction"}),
    ),
    RecordKind(
        "contact",
        QT_TRANSLATE_NOOP("RecordKinds", "contact"),
        QT_TRANSLATE_NOOP("RecordKinds", "contacts"),
        service=_SERVICES + "people.ContactService",
        records=_LISTS + "contact_list",
        search_type="contact",
        page=_PAGES + "people.ContactPage",
    ),
    RecordKind(
        "interaction",
        QT_TRANSLATE_NOOP("RecordKinds", "interaction"),
        QT_TRANSLATE_NOOP("RecordKinds", "interactions"),
        service=_SERVICES + "people.InteractionService",
        records=_LISTS + "interaction_list",
        search_type="interaction",
        page=_PAGES + "people.InteractionPage",
        shown_in=frozenset({"partner", "library_service"}),
    ),
    RecordKind(
        "agreement",
        QT_TRANSLATE_NOOP("RecordKinds", "agreement"),
        QT_TRANSLATE_NOOP("RecordKinds", "agreements"),
        service=_SERVICES + "agreements.AgreementService",
        records=_SERVICES + "agreement_list.agreement_list",
        search_type="agreement",
        page=_PAGES + "agreement.AgreementPage",
        shown_in=frozenset({"partner", "programme", "library_service"}),
    ),
    RecordKind(
        "series",
        QT_TRANSLATE_NOOP("RecordKinds", "series"),
        QT_TRANSLATE_NOOP("RecordKinds", "series"),
        service=_SERVICES + "series.SeriesService",
        records=_SERVICES + "series.series_list",
        page=_PAGES + "series.SeriesPage",
        shown_in=frozenset({"programme"}),
    ),
    RecordKind(
        "funding_grant",
        QT_TRANSLATE_NOOP("RecordKinds", "grant"),
        QT_TRANSLATE_NOOP("RecordKinds", "grants"),
        service=_SERVICES + "grants.GrantService",
        records=_SERVICES + "grants.grant_list",
        search_type="funding_grant",
        page=_PAGES + "grant.GrantPage",
        shown_in=frozenset({"partner", "programme"}),
    ),
    # A branch is found by search and opens its library service's page.
    RecordKind(
        "branch",
        QT_TRANSLATE_NOOP("RecordKinds", "branch"),
        QT_TRANSLATE_NOOP("RecordKinds", "branches"),
        search_type="branch",
        creatable=False,
        shown_in=frozenset({"library_service"}),
    ),
    RecordKind(
        "participation",
        QT_TRANSLATE_NOOP("RecordKinds", "participation"),
        QT_TRANSLATE_NOOP("RecordKinds", "participations"),
        service=_SERVICES + "programmes.ParticipationService",
        shown_in=frozenset({"programme", "library_service"}),
    ),
    # A partner's place in a programme. Delete messages call it a "programme role" (see
    # records.TABLE_NOUNS) and its service a "partner role": three words for one thing
    # that the screens already show, kept until the team picks one.
    RecordKind(
        "programme_partner",
        QT_TRANSLATE_NOOP("RecordKinds", "programme partner"),
        QT_TRANSLATE_NOOP("RecordKinds", "programme partners"),
        service=_SERVICES + "programmes.ProgrammePartnerService",
        shown_in=frozenset({"programme", "partner"}),
    ),
    # A file kept with a partner, programme, agreement, library service or interaction;
    # found by search, it opens on its record's page.
    RecordKind(
        "document",
        QT_TRANSLATE_NOOP("RecordKinds", "document"),
        QT_TRANSLATE_NOOP("RecordKinds", "documents"),
        service=_SERVICES + "documents.DocumentService",
        search_type="document",
        creatable=False,
        shown_in=frozenset({"partner", "programme", "library_service", "interaction"}),
    ),
    RecordKind(
        "deliverable",
        QT_TRANSLATE_NOOP("RecordKinds", "deliverable"),
        QT_TRANSLATE_NOOP("RecordKinds", "deliverables"),
        service=_SERVICES + "grants.DeliverableService",
        shown_in=frozenset({"funding_grant", "partner"}),
    ),
    RecordKind(
        "offer_area",
        QT_TRANSLATE_NOOP("RecordKinds", "offer area"),
        QT_TRANSLATE_NOOP("RecordKinds", "offer areas"),
        service=_SERVICES + "library_services.OfferAreaService",
        shown_in=frozenset({"partner", "library_service", "programme"}),
    ),
)

KINDS: dict[str, RecordKind] = {registered.key: registered for registered in REGISTERED}
LISTED: tuple[RecordKind, ...] = tuple(k for k in REGISTERED if k.listed)


def kind(key: str) -> RecordKind:
    """The registered kind of ``key``; a key never registered is named by its own words."""
    found = KINDS.get(key)
    if found is not None:
        return found
    words = key.replace("_", " ")
    return RecordKind(key, words, words + "s", creatable=False)

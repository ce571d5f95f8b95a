"""Every kind of record BrokerDesk knows, registered once.

The navigation, forms, record pages, the search palette, undo, history and the command line
all name kinds of record; they read those names, and where each kind's service, list and
search type live, from ``KINDS`` instead of keeping tables of their own. Adding a kind is one
``RecordKind`` here, its model, its service and its page.

The words are English as the team says them ("library service", lower case, as they appear
inside sentences); the GUI translates them (``brokerdesk.gui.kind_words``), so core stays
without Qt. This module imports nothing of the database layer: the main window reads it
before SQLAlchemy is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RecordKind:
    """One kind of record.

    Attributes:
        key: the table name, which is also the kind's key everywhere ("library_service").
        singular: one of them, as said inside a sentence ("library service").
        plural: several of them ("library services").
        service: the attribute of ``core.services.Services`` that owns its records, or None.
        listed: it has a list (``core.lists.LISTS[key]``) shown in the navigation.
        search_type: its type in ``core.search`` (``SEARCH_TYPES``), or None if not searched.
        has_page: it has a record page (the GUI's ``RecordPage`` whose ``entity`` is ``key``).
        creatable: the user may make new ones (library services come from reference data).
    """

    key: str
    singular: str
    plural: str
    service: str | None = None
    listed: bool = False
    search_type: str | None = None
    has_page: bool = False
    creatable: bool = True

    @property
    def title(self) -> str:
        """The kind as a heading or list name: "Library services"."""
        return self.plural[:1].upper() + self.plural[1:]

    def count(self, n: int) -> str:
        """ "1 partner", "3 partners", "1,204 library services"."""
        return f"{n:,} {self.singular if n == 1 else self.plural}"


# In the order the navigation shows them (then the kinds without a list).
KINDS: dict[str, RecordKind] = {
    kind.key: kind
    for kind in (
        RecordKind(
            "partner",
            "partner",
            "partners",
            service="partners",
            listed=True,
            search_type="partner",
            has_page=True,
        ),
        RecordKind(
            "library_service",
            "library service",
            "library services",
            service="library_services",
            listed=True,
            search_type="library_service",
            has_page=True,
            creatable=False,
        ),
        RecordKind(
            "programme",
            "programme",
            "programmes",
            service="programmes",
            listed=True,
            search_type="programme",
            has_page=True,
        ),
        RecordKind(
            "contact",
            "contact",
            "contacts",
            service="contacts",
            listed=True,
            search_type="contact",
            has_page=True,
        ),
        RecordKind(
            "interaction",
            "interaction",
            "interactions",
            service="interactions",
            listed=True,
            search_type="interaction",
            has_page=True,
        ),
        # A branch is found by search and opens its library service's page.
        RecordKind("branch", "branch", "branches", search_type="branch", creatable=False),
        RecordKind("participation", "participation", "participations", service="participations"),
        RecordKind("agreement", "agreement", "agreements", service="agreements"),
        # A partner's place in a programme. Delete messages call it a "programme role" (see
        # records.TABLE_NOUNS) and its service a "partner role": three words for one thing
        # that the screens already show, kept until the team picks one.
        RecordKind(
            "programme_partner",
            "programme partner",
            "programme partners",
            service="programme_partners",
        ),
        RecordKind("offer_area", "offer area", "offer areas", service="offer_areas"),
    )
}

LISTED: tuple[RecordKind, ...] = tuple(k for k in KINDS.values() if k.listed)


def kind(key: str) -> RecordKind:
    """The registered kind of ``key``; a key never registered is named by its own words."""
    found = KINDS.get(key)
    if found is not None:
        return found
    words = key.replace("_", " ")
    return RecordKind(key, words, words + "s", creatable=False)

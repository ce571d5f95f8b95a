"""Reference data shipped with the app: library authorities, former authorities, branches.

``build`` turns the open data in ``shared/data`` into the files in ``resources/reference``
(run by a developer); ``records`` reads those files; ``load.initialise`` puts them in a
database; ``names`` holds the name cleaning and matching keys importers and search share.
"""

from brokerdesk.core.reference.load import Counts, InitReport, initialise
from brokerdesk.core.reference.names import clean_name, normalise_name
from brokerdesk.core.reference.records import (
    AuthorityRecord,
    FormerAuthorityRecord,
    NameVariant,
    load_authorities,
    load_branches,
    load_former_authorities,
)

__all__ = [
    "AuthorityRecord",
    "Counts",
    "FormerAuthorityRecord",
    "InitReport",
    "NameVariant",
    "clean_name",
    "initialise",
    "load_authorities",
    "load_branches",
    "load_former_authorities",
    "normalise_name",
]

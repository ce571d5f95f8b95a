"""What the wizard and its pages share: the setting keys, the kinds' labels, the preview size.

The pages import these from here, not from :mod:`.wizard` (which imports the pages), so the
wizard's modules form no import cycle.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from brokerdesk.gui.operations import error_sentence as shared_error_sentence

translate = QCoreApplication.translate  # lupdate reads translate("ImportWizard", "…") calls

KIND_SETTING = "import/kind"
FOLDER_SETTING = "import/folder"
PREVIEW_ROWS = 500


def kind_labels() -> dict[str, str]:
    """What each importer is called on the File page, in the users' words."""
    return {
        "partners": translate("ImportWizard", "Partners"),
        "contacts": translate("ImportWizard", "Contacts"),
        "library_services": translate("ImportWizard", "Library services (contact details)"),
        "branches": translate("ImportWizard", "Branches"),
        "programmes": translate("ImportWizard", "Programmes"),
        "participations": translate("ImportWizard", "Participations (a sign-up sheet)"),
        "interactions": translate("ImportWizard", "Interactions"),
        "agreements": translate("ImportWizard", "Agreements"),
        "grants": translate("ImportWizard", "Grants"),
    }


def error_sentence(exc: BaseException) -> str:
    """What went wrong in a reader, preview or import worker, in a sentence."""
    return shared_error_sentence(
        exc,
        unreadable=translate("ImportWizard", "The file could not be read: {0}."),
        failed=translate("ImportWizard", "The import failed: {0}"),
    )

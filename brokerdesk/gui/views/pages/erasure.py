"""Erase personal data… on a contact's page: say what the erasure will do, then do it.

An erasure (UK GDPR) cannot be undone, so the question names the person and counts what
changes besides their record: the interactions (e-mails logged, notes) in which their name
and address become "[erased]", the attachments' texts that name them, the e-mails in the
Trash that name them, and the interactions and participations that lose the link to
them. Cancel is the default button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from brokerdesk.core.services.personal_data import ErasurePlan, PersonalDataService
from brokerdesk.gui.operations import Operation

if TYPE_CHECKING:
    from brokerdesk.gui.views.pages.base import RecordPage

translate = QCoreApplication.translate  # lupdate reads translate("Erasure", "…") calls


def _count(n: int, one: str, many: str) -> str:
    return (one if n == 1 else many).format(f"{n:,}")


def consequences(plan: ErasurePlan) -> str:
    """What erasing the contact does, in sentences, for the confirmation."""
    lines = [
        translate(
            "Erasure",
            "The contact is deleted, and their details are taken out of the history. "
            "This cannot be undone.",
        )
    ]
    if plan.interactions_scrubbed:
        scrubbed = _count(
            plan.interactions_scrubbed,
            translate("Erasure", "{0} interaction (an e-mail logged, or notes) names them"),
            translate("Erasure", "{0} interactions (e-mails logged, or notes) name them"),
        )
        lines.append(
            translate(
                "Erasure", "{0}: their name and e-mail address there become “[erased]”."
            ).format(scrubbed)
        )
    else:
        lines.append(translate("Erasure", "No interaction names them."))
    if plan.attachments_renamed:
        lines.append(
            _count(
                plan.attachments_renamed,
                translate("Erasure", "{0} attached file's name is changed the same way."),
                translate("Erasure", "{0} attached files' names are changed the same way."),
            )
        )
    if plan.texts_scrubbed:
        lines.append(
            _count(
                plan.texts_scrubbed,
                translate(
                    "Erasure", "{0} attached file's text (what Ctrl+K searches) names them too."
                ),
                translate(
                    "Erasure", "{0} attached files' texts (what Ctrl+K searches) name them too."
                ),
            )
        )
    if plan.notes_scrubbed:
        lines.append(
            _count(
                plan.notes_scrubbed,
                translate(
                    "Erasure",
                    "{0} other record's notes or own fields hold their name or address; "
                    "those words become “[erased]” too.",
                ),
                translate(
                    "Erasure",
                    "{0} other records' notes or own fields hold their name or address; "
                    "those words become “[erased]” too.",
                ),
            )
        )
    if plan.emails_in_trash:
        lines.append(
            _count(
                plan.emails_in_trash,
                translate("Erasure", "{0} e-mail in the Trash names them; it is scrubbed too."),
                translate("Erasure", "{0} e-mails in the Trash name them; they are scrubbed too."),
            )
        )
    kept = plan.interactions_unlinked + plan.participations_unlinked
    if kept:
        lines.append(
            translate("Erasure", "{0} and {1} stay, without the link to them.").format(
                _count(
                    plan.interactions_unlinked,
                    translate("Erasure", "{0} interaction"),
                    translate("Erasure", "{0} interactions"),
                ),
                _count(
                    plan.participations_unlinked,
                    translate("Erasure", "{0} participation"),
                    translate("Erasure", "{0} participations"),
                ),
            )
        )
    return "\n\n".join(lines)


def erase_contact(page: RecordPage) -> bool:
    """Ask, then erase the contact the page shows (off the GUI thread). True once started."""
    ctx = page.ctx
    service = PersonalDataService(ctx.db)
    plan = ctx.attempt(lambda: service.erasure_plan(page.record_id))
    if plan is None:
        return False
    box = QMessageBox(page)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Erasure", "Erase personal data"))
    box.setText(translate("Erasure", "Erase all personal data of “{0}”?").format(plan.name))
    box.setInformativeText(consequences(plan))
    erase = box.addButton(translate("Erasure", "Erase"), QMessageBox.ButtonRole.DestructiveRole)
    erase.setAccessibleName(translate("Erasure", "Erase, cannot be undone"))
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    if box.clickedButton() is not erase:
        return False
    record_id = page.record_id
    Operation(
        ctx,
        page,
        lambda _progress: service.erase_contact(record_id),
        title=translate("Erasure", "Erase personal data"),
        changes=lambda change: change,
        cancellable=False,
    ).run()
    return True

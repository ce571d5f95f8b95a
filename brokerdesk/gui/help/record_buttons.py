"""What's This texts of the record pages' buttons, which are built on demand."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate reads translate("Help", "…") calls


def record_button_help(text: str, noun: str) -> str:
    """The What's This text of a record page's button, from its untranslated label."""
    texts = {
        "Ed&it…": translate("Help", "<b>Edit</b><p>Change this {noun}'s details (Ctrl+E).</p>"),
        "&Delete…": translate(
            "Help",
            "<b>Delete</b><p>Move this {noun} to the Trash, with what belongs only to it. "
            "Ctrl+Z or the Trash brings it back whole.</p>",
        ),
        "Roll over to next &year…": translate(
            "Help",
            "<b>Roll over</b><p>Make next year's round of this {noun}: name, round and dates a "
            "year on, the same offer areas, partners, target and measures, and the library "
            "services you choose at the stage you choose. Ctrl+Z takes it back.</p>",
        ),
        "Add &contact…": translate(
            "Help", "<b>Add contact</b><p>Record a person who works at this {noun}.</p>"
        ),
        "Add &programme…": translate(
            "Help",
            "<b>Add programme</b><p>Record a new programme with this {noun} as its lead "
            "partner.</p>",
        ),
        "Add agree&ment…": translate(
            "Help",
            "<b>Add agreement</b><p>Record an agreement (MoU, data-sharing, contract, licence…) "
            "with this {noun}: its dates, renewal and notice dates, value and owner.</p>",
        ),
        "&Renew…": translate(
            "Help",
            "<b>Renew</b><p>Start a new term of this {noun}; the term it replaces is kept in "
            "the Terms tab. Ctrl+Z undoes it.</p>",
        ),
        "E&nd…": translate(
            "Help",
            "<b>End</b><p>End this {noun} on a date, with the reason. Ctrl+Z undoes it.</p>",
        ),
        "&Log interaction…": translate(
            "Help",
            "<b>Log interaction</b><p>Note a call, meeting or email about this {noun}, with "
            "a follow-up date if there is a next step (Ctrl+I).</p>",
        ),
        "E&rase personal data…": translate(
            "Help",
            "<b>Erase personal data</b><p>Remove this person everywhere, as UK GDPR asks: "
            "their record, their details in the history, and their name and e-mail address in "
            "e-mails logged as interactions (which become “[erased]”). It cannot be undone; "
            "the question first says how many interactions change.</p>",
        ),
        "Export &personal data…": translate(
            "Help",
            "<b>Export personal data</b><p>Everything BrokerDesk holds about this person, "
            "for a subject access request (UK GDPR): their record and own fields, tags, "
            "lists, roles, the interactions they are on, the e-mails and notes that name "
            "them, the files attached to those (by name) and their history, as an Excel "
            "workbook (one sheet per kind) or JSON.</p>",
        ),
        "&Add library services…": translate(
            "Help",
            "<b>Add library services</b><p>Sign up many library services at once: search, "
            "filter by nation, region or membership, <i>Select all shown</i>, then choose "
            "the starting stage.</p>",
        ),
        "Change &stage…": translate(
            "Help",
            "<b>Change stage</b><p>Move every selected participation to another stage "
            "(invited, interested, signed up, active, completed, withdrawn) in one step.</p>",
        ),
        "Add &partner…": translate(
            "Help", "<b>Add partner</b><p>Give another partner a role in this {noun}.</p>"
        ),
        "&Name a lead…": translate(
            "Help",
            "<b>Name a lead</b><p>Choose which of this {noun}'s contacts leads each offer area "
            "(Reading, Health &amp; Wellbeing…). Services in live programmes with nobody named "
            "show on the dashboard's Named leads tab and on the Data quality page.</p>",
        ),
        "Edit pa&rticipation…": translate(
            "Help",
            "<b>Edit participation</b><p>Dates, figures (one for each of the programme's "
            "measures) and the local contact of the selected library service's "
            "participation.</p>",
        ),
    }
    text = texts.get(text, "")
    return text.replace("{noun}", noun)

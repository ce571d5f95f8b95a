"""``brokerdesk import emails FOLDER``: a folder of saved e-mails logged as interactions.

Every ``.eml`` and ``.msg`` file of the folder is read and matched to its partner (or library
service) by a contact's address or the web domain; the matched ones are logged in one
transaction, the others listed. A file that is not an e-mail refuses the whole folder (exit 1,
nothing written), and an e-mail logged before is recognised by its Message-ID and skipped.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from brokerdesk.commands.summary import print_summary
from brokerdesk.core.backup import backup_before
from brokerdesk.core.db import open_database
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.mail.filing import EmailFiling, FolderPlan, FolderResult


def run(args: argparse.Namespace) -> int:
    folder = Path(args.file)
    if not folder.is_dir():
        raise BrokerDeskError(f"{folder} is not a folder of saved e-mails; nothing was imported.")
    db = open_database(args.db, create=False)
    try:
        filing = EmailFiling(db)
        plan = filing.plan_folder(folder)
        result: FolderResult | None = None
        if not plan.unreadable and not args.dry_run and plan.matched:
            backup_before(db, "before-import")
            result = filing.import_folder(plan.plans)
    finally:
        db.dispose()
    code = 1 if plan.unreadable else 0
    lines = _json(plan, result, args.dry_run) if args.json else _lines(plan, result, args.dry_run)
    done = f"{len(result.logged)} e-mails were logged" if result else "nothing was written"
    print_summary(lines, done=done)
    return code


def _lines(plan: FolderPlan, result: FolderResult | None, dry_run: bool) -> list[tuple[str, str]]:
    lines: list[tuple[str, str]] = []
    if plan.unreadable:
        for bad in plan.unreadable:
            lines.append(("err", f"{bad.file_name}: {bad.reason}"))
        lines.append(("err", "Nothing was imported: move or remove the files above, then retry."))
        return lines
    for item in plan.plans:
        where = f"→ {item.target.name} ({item.why})" if item.to_log and item.target else ""
        lines.append(("out", f"{item.email.file_name}: {where or 'skipped: ' + item.skip_reason}"))
    if dry_run:
        lines.append(("out", f"Would log {len(plan.matched)} e-mails (dry run: nothing written)."))
    else:
        logged = len(result.logged) if result else 0
        skipped = len(plan.plans) - logged
        lines.append(("out", f"Logged {logged} e-mails as interactions; skipped {skipped}."))
    return lines


def _json(plan: FolderPlan, result: FolderResult | None, dry_run: bool) -> list[tuple[str, str]]:
    ids = dict(result.logged) if result else {}
    data = {
        "dry_run": dry_run,
        "written": bool(ids),
        "emails": [
            {
                "file": p.email.file_name,
                "subject": p.email.subject,
                "message_id": p.email.message_id,
                "with": {"kind": p.target.entity, "id": p.target.id, "name": p.target.name}
                if p.target
                else None,
                "why": p.why or None,
                "interaction_id": ids.get(p.email.file_name),
                "skipped": None if p.to_log else p.skip_reason,
            }
            for p in plan.plans
        ],
        "unreadable": [{"file": u.file_name, "reason": u.reason} for u in plan.unreadable],
    }
    return [("out", json.dumps(data, ensure_ascii=False, indent=2))]

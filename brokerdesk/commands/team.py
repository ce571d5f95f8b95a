"""``brokerdesk team``: set up the team roles on a PostgreSQL server and manage people.

Passwords are never arguments (they would show in the shell's history and in ``ps``): a new
login's password is asked for at the prompt, or read from standard input with
``--password-stdin``, and only its hash is sent to the server.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from brokerdesk.commands.summary import print_summary
from brokerdesk.core.db import open_database
from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.team import people, roles


def register(subparsers: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help="team server roles and people (PostgreSQL)",
        description="Set up the viewer, editor and admin roles on a team server, and list, "
        "add, re-role or remove people. Run 'setup' once as the database owner (with the "
        "CREATEROLE right) or a superuser; it is safe to run again.",
    )
    actions = parser.add_subparsers(dest="team_action", metavar="ACTION", required=True)
    actions.add_parser("setup", help="create the team roles and grant their rights")
    listing = actions.add_parser("list", help="list the people and their roles")
    listing.add_argument("--json", action="store_true", help="print the list as JSON")
    add = actions.add_parser("add", help="give a login a role (or create the login)")
    add.add_argument("login", help="the person's database login name")
    add.add_argument("--role", choices=roles.ROLES, default="viewer")
    add.add_argument(
        "--new-login",
        action="store_true",
        help="create the login; its password is asked for (never stored)",
    )
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="with --new-login: read the password from standard input (for scripts)",
    )
    change = actions.add_parser("role", help="change a person's role")
    change.add_argument("login")
    change.add_argument("role", choices=roles.ROLES)
    remove = actions.add_parser("remove", help="take a person off the team")
    remove.add_argument("login")
    for action in (actions.choices["setup"], listing, add, change, remove):
        action.add_argument(
            "--db",
            default=argparse.SUPPRESS,
            metavar="ADDRESS",
            help="the team server's address: postgresql+psycopg://you@server/brokerdesk",
        )
    return parser


def run(args: argparse.Namespace) -> int:
    db = open_database(getattr(args, "db", None), create=False)
    if db.is_sqlite:
        db.dispose()
        raise BrokerDeskError(
            "Team roles are for a PostgreSQL team server (--db postgresql+psycopg://…); a "
            "BrokerDesk file is protected by who may open it."
        )
    try:
        return _run(db, args)
    finally:
        db.dispose()


def _run(db: Any, args: argparse.Namespace) -> int:
    action = args.team_action
    if action == "setup":
        roles.set_up(db)
        print_summary(
            f"The team roles are set up on {db.description}: "
            + ", ".join(roles.GROUP_ROLES.values()),
            done="the team roles were set up",
        )
    elif action == "list":
        found = people.people(db)
        if args.json:
            text = json.dumps([{"login": p.login, "role": p.role} for p in found])
        else:
            text = "\n".join(f"{p.login}\t{p.role}" for p in found) or "No people yet."
        print_summary(text, done="the list was read")
    elif action == "add":
        password = _password(args) if args.new_login else None
        person = people.add_person(db, args.login, args.role, password)
        print_summary(
            f"{person.login} is now a {person.role} on the team.", done="the person was added"
        )
    elif action == "role":
        people.change_role(db, args.login, args.role)
        print_summary(f"{args.login} is now a {args.role}.", done="the role was changed")
    else:
        people.remove_person(db, args.login)
        print_summary(f"{args.login} is off the team.", done="the person was removed")
    return 0


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password for the new login: ")
    if getpass.getpass("The same password again: ") != first:
        raise BrokerDeskError("The two passwords differ; nothing was changed.")
    return first

"""Fuzzing benchmark: thousands of generated files through every import kind (issue #14).

Run: ``python benchmarks/bench_fuzz_import.py [--files 10000] [--seed 1] [--keep DIR]``.

Each file comes from ``fuzz_files.FileMaker`` (a valid sheet for one kind, then mutations of
the kinds real files suffer) and goes through ``brokerdesk.cli.main`` in this process, with
standard output and error captured, so ten thousand files take minutes, not hours. Every
file must pass three checks:

1. a sentence and no traceback: something is said, no exception escapes ``main``;
2. a documented exit code: 0 done, 1 refused (nothing written), 2 usage;
3. the database: unchanged when refused or a dry run (no commit at all, every record table
   as it was), and when accepted only the intended rows: the kind's table grew by the
   summary's "created" and its versions by "created + updated", every other table as it was.

Prints the figures: files, per kind, per exit code, failures (with the first few in full),
and files per second. Failing files are copied to ``--keep`` to replay by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from benchmarks.fuzz_files import Case, FileMaker, Vocabulary  # noqa: E402
from brokerdesk.cli import main as brokerdesk  # noqa: E402
from brokerdesk.core.importing import IMPORTERS, KINDS  # noqa: E402

RECORD_TABLES = (
    "partner",
    "contact",
    "library_service",
    "branch",
    "programme",
    "participation",
    "interaction",
    "agreement",
    "offer_area",
    "partner_offer_area",
    "programme_offer_area",
    "programme_partner",
    "service_name_variant",
    "former_authority",
    "tag",
    "partner_tag",
    "saved_view",
    "trash_item",
    "funding_grant",
    "grant_programme",
    "deliverable",
)
SUMMARY = re.compile(
    r"(?:Imported|Would import|Checked) (\d+) rows: (\d+) created, (\d+) updated, "
    r"(\d+) skipped, (\d+) refused\."
)
RESET_EVERY = 500  # back to the template now and then, so the database stays a fair size


@dataclass
class Result:
    case: Case
    code: int | None
    said: str
    problems: list[str] = field(default_factory=list)


@dataclass
class Report:
    files: int = 0
    seconds: float = 0.0
    per_kind: Counter[str] = field(default_factory=Counter)
    per_code: Counter[str] = field(default_factory=Counter)
    per_mutation: Counter[str] = field(default_factory=Counter)
    failures: list[Result] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.files / self.seconds if self.seconds else 0.0


class Census:
    """Rows and versions of every record table, and SQLite's own commit counter.

    ``PRAGMA data_version`` on this long-lived connection changes when any other
    connection commits: "unchanged" means no commit at all, not just equal counts.
    """

    def __init__(self, database: Path) -> None:
        self.conn = sqlite3.connect(database, isolation_level=None)
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
        self.tables = [t for t in RECORD_TABLES if t in tables]
        self.versioned = {
            t
            for t in self.tables
            if any(c[1] == "version_id" for c in self.conn.execute(f"PRAGMA table_info({t})"))
        }

    def take(self) -> dict[str, tuple[int, int, int]]:
        """table -> (rows, sum of versions, highest id); and SQLite's commit counter."""
        version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        out = {"data_version": (version, 0, 0)}
        for table in self.tables:
            versions = "coalesce(sum(version_id), 0)" if table in self.versioned else "0"
            row = self.conn.execute(
                f"SELECT count(*), {versions}, coalesce(max(rowid), 0) FROM {table}"
            ).fetchone()
            out[table] = (int(row[0]), int(row[1]), int(row[2]))
        return out

    def names_since(self, table: str, after_id: int) -> list[str]:
        """The names (or subjects) of the rows added after ``after_id``."""
        columns = {c[1] for c in self.conn.execute(f"PRAGMA table_info({table})")}
        name = next((c for c in ("name", "full_name", "subject") if c in columns), None)
        if name is None:
            return []
        found = self.conn.execute(f"SELECT {name} FROM {table} WHERE rowid > ?", (after_id,))
        return [str(r[0] or "") for r in found]

    def close(self) -> None:
        self.conn.close()


def _summary(case: Case, out: str) -> dict[str, int] | None:
    if "--json" in case.args:
        try:
            data = json.loads(out)
        except ValueError:
            return None
        return {k: int(data[k]) for k in ("created", "updated", "skipped", "refused")}
    found = SUMMARY.search(out)
    if not found:
        return None
    created, updated, skipped, refused = (int(g) for g in found.groups()[1:])
    return {"created": created, "updated": updated, "skipped": skipped, "refused": refused}


def check(
    case: Case,
    code: int | None,
    said: tuple[str, str],
    before: dict[str, tuple[int, int, int]],
    after: dict[str, tuple[int, int, int]],
    names: list[str],
) -> list[str]:
    """The three checks; each problem in words. ``names``: those of the rows added."""
    out, err = said
    problems: list[str] = []
    text = out + err
    if "Traceback" in text:
        problems.append("a traceback was printed")
    if not text.strip():
        problems.append("nothing was said")
    if code not in (0, 1, 2):
        problems.append(f"exit code {code} is not a documented one")
        return problems
    if code != 0 or "--dry-run" in case.args:
        if after != before:
            changed = [t for t in before if before[t] != after[t]]
            problems.append(f"refused or dry run, yet the database changed: {changed}")
        return problems
    summary = _summary(case, out)
    if summary is None:
        return [*problems, "accepted, but no summary of what was imported"]
    table = str(IMPORTERS[case.kind].model.__tablename__)
    # Partners and participations make contacts from their contact columns, as many as the
    # summary says; every other import leaves every other table alone.
    people = {"contact"} if IMPORTERS[case.kind].contact_link else set()
    for name in before:
        if name in ("data_version", table) or name in people:
            continue
        if before[name] != after[name]:
            problems.append(f"{name} changed though the import was of {case.kind}")
    if people:
        made = re.search(r"(\d+) new contacts were made|\"contacts_created\": (\d+)", out)
        said = int(made.group(1) or made.group(2)) if made else 0
        added = after["contact"][0] - before["contact"][0]
        if added != said:
            problems.append(f"{added} contacts added, but the summary says {said}")
    rows = after[table][0] - before[table][0]
    versions = after[table][1] - before[table][1]
    if rows != summary["created"]:
        problems.append(f"{rows} rows added to {table}, but the summary says {summary}")
    if versions != summary["created"] + summary["updated"]:
        problems.append(f"versions of {table} rose by {versions}, the summary says {summary}")
    if summary["refused"] and "--skip-invalid" not in case.args:
        problems.append("exit 0 with refused rows, without --skip-invalid")
    for name in names:
        if not name.strip() or all(unicodedata.category(ch)[0] in "CZ" for ch in name):
            problems.append(f"a {table} was saved with a name that shows nothing: {name!r}")
    return problems


def run_case(case: Case, database: Path, census: Census) -> Result:
    before = census.take()
    out, err = io.StringIO(), io.StringIO()
    code: int | None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = brokerdesk(
                ["import", case.kind, str(case.path), "--db", str(database), *case.args]
            )
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException:  # anything escaping main is a failure: the user saw a traceback
            code = None
            err.write(traceback.format_exc())
    shutil.rmtree(database.with_name(f"{database.stem}-backups"), ignore_errors=True)
    after = census.take()
    table = str(IMPORTERS[case.kind].model.__tablename__)
    names = census.names_since(table, before[table][2]) if table in before else []
    result = Result(case, code, out.getvalue() + err.getvalue())
    result.problems = check(case, code, (out.getvalue(), err.getvalue()), before, after, names)
    if code is None:
        result.problems.insert(0, "an exception escaped brokerdesk.cli.main")
    return result


def make_template(folder: Path) -> Path:
    """A database as a team has it: every library service and branch, and demo records."""
    template = folder / "template.sqlite3"
    with contextlib.redirect_stdout(io.StringIO()):
        code = brokerdesk(["init", "--db", str(template), "--demo"])
    if code != 0:
        raise SystemExit("brokerdesk init --demo failed; cannot fuzz")
    return template


def _fresh(template: Path, database: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, database)


def run(
    files: int,
    seed: int = 1,
    folder: Path | None = None,
    keep: Path | None = None,
    progress: Callable[[int, Report], None] | None = None,
) -> Report:
    """Generate and import ``files`` files; the report counts every failure."""
    with contextlib.ExitStack() as stack:
        work = folder or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        config = work / "config"  # the command line's saved mappings, not the user's own
        stack.enter_context(_environment(XDG_CONFIG_HOME=str(config), BROKERDESK_USER="fuzz"))
        template = make_template(work)
        database = work / "team.sqlite3"
        maker = FileMaker(seed, Vocabulary.read(template), work / "files")
        maker.folder.mkdir(exist_ok=True)
        report = Report()
        census: Census | None = None
        started = time.perf_counter()
        for number in range(files):
            if number % RESET_EVERY == 0:
                if census is not None:
                    census.close()
                _fresh(template, database)
                census = Census(database)
            assert census is not None
            case = maker.case(number, KINDS)
            result = run_case(case, database, census)
            report.files += 1
            report.per_kind[case.kind] += 1
            report.per_code[str(result.code)] += 1
            report.per_mutation.update(case.mutations or ["none"])
            if result.problems:
                report.failures.append(result)
                if keep is not None:
                    keep.mkdir(parents=True, exist_ok=True)
                    shutil.copy(case.path, keep / case.path.name)
            case.path.unlink(missing_ok=True)
            if progress is not None:
                progress(number + 1, report)
        report.seconds = time.perf_counter() - started
        if census is not None:
            census.close()
        return report


@contextlib.contextmanager
def _environment(**values: str):  # type: ignore[no-untyped-def]
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def describe(report: Report, shown: int = 5) -> str:
    lines = [
        f"files: {report.files:,} in {report.seconds:.0f} s ({report.rate:.1f} files/s)",
        "per kind: " + ", ".join(f"{k} {n:,}" for k, n in sorted(report.per_kind.items())),
        "exit codes: " + ", ".join(f"{c}: {n:,}" for c, n in sorted(report.per_code.items())),
        "mutations: " + ", ".join(f"{m} {n:,}" for m, n in report.per_mutation.most_common()),
        f"failures: {len(report.failures)}",
    ]
    for failure in report.failures[:shown]:
        lines.append(f"  {failure.case.label} {failure.case.args}: {'; '.join(failure.problems)}")
        lines.extend("    " + line for line in failure.said.strip().splitlines()[-6:])
    return "\n".join(lines)


def main_cli() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="copy failing files here")
    args = parser.parse_args()

    def tick(done: int, report: Report) -> None:
        if done % 500 == 0:
            print(f"  {done:,} files, {len(report.failures)} failures", file=sys.stderr)

    report = run(args.files, args.seed, keep=args.keep, progress=tick)
    print(describe(report, shown=20))
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main_cli())

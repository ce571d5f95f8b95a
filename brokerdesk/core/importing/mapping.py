"""Which column of the file fills which field: suggested from the headers, saved for next time.

A sign-up sheet calls the library service "Authority", "Council", "Library service" or
"GSS code"; the same partner list arrives every quarter with the same headers. Suggesting
from labels, field names and common synonyms gets most columns right first time, and saving a
corrected mapping per set of headers means the user fixes it once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from brokerdesk.core.errors import BrokerDeskError
from brokerdesk.core.importing.folding import fold

Mapping_ = dict[str, str]  # header -> target field name (unmapped headers are left out)


@dataclass(frozen=True)
class Target:
    """A field a column can fill.

    Attributes:
        name: the importer's field name (``service``, ``email``, ``stage``...).
        label: what the wizard shows.
        synonyms: other header names people use for it.
        required: the import cannot run without a column for it.
    """

    name: str
    label: str
    synonyms: tuple[str, ...] = ()
    required: bool = False


def header_key(text: str) -> str:
    """A header reduced for comparison: 'E-mail address:' -> 'emailaddress'.

    Headers in other scripts keep their letters ('Имя' -> 'имя'), so two different sets of
    Russian or Chinese headers are not the same saved mapping."""
    if text.isascii():
        return re.sub(r"[^a-z0-9]+", "", text.lower())
    return "".join(fold(text).split())


def suggest_mapping(targets: Sequence[Target], headers: Sequence[str]) -> Mapping_:
    """Guess the field for each header; each field is given to one column at most.

    Exact matches on the field name, label or a synonym win, the nearest word first: a
    column headed "Owner" is the relationship owner even when a "Lead contact" column (a
    weaker synonym) comes before it. Then a header that contains a synonym ("Library
    service name" contains "library service"). Headers that match nothing are left
    unmapped for the user to choose, and listed as not imported.
    """
    names: dict[str, str] = {}
    ranks: dict[str, int] = {}
    for target in targets:
        for rank, word in enumerate((target.name, target.label, *target.synonyms)):
            key = header_key(word)
            if key not in names:
                names[key], ranks[key] = target.name, max(0, rank - 1)
    chosen: Mapping_ = {}
    used: set[str] = set()
    exact = sorted(
        (ranks[key], column, header)
        for column, header in enumerate(headers)
        if (key := header_key(header)) in names
    )
    for _rank, _column, header in exact:  # the nearest word first, then column order
        name = names[header_key(header)]
        if name not in used and header not in chosen:
            chosen[header] = name
            used.add(name)
    chosen = {h: chosen[h] for h in headers if h in chosen}  # in column order
    for header in headers:  # then containment, longest synonym first
        if header in chosen or not header_key(header):
            continue
        key = header_key(header)
        for word, name in sorted(names.items(), key=lambda item: -len(item[0])):
            if name not in used and len(word) >= 4 and word in key:
                chosen[header] = name
                used.add(name)
                break
    return chosen


@dataclass(frozen=True)
class MappingProblem:
    """One reason a mapping cannot be used, and the field it is about.

    Attributes:
        field: the target field a form shows the problem beside.
        kind: ``unknown_column``, ``unknown_field``, ``column_twice`` (one column chosen for
            two fields), ``field_twice`` (two columns mapped to one field), ``same_header``
            (the file has several columns with the chosen header), ``required``, or
            ``one_of`` (none of a group of fields, such as a service's name or code, has a
            column).
        text: the sentence for the command line.
        header: the column concerned, if any.
        other: for ``column_twice`` the field that has the column already; for ``one_of``
            the group's fields, joined by ``|``.
    """

    field: str
    kind: str
    text: str
    header: str = ""
    other: str = ""


def mapping_problems(
    targets: Sequence[Target],
    headers: Sequence[str],
    pairs: Iterable[tuple[str, str]],
    *,
    one_of: Sequence[tuple[str, ...]] = (),
    given: Collection[str] = (),
) -> list[MappingProblem]:
    """Everything that stops a mapping being used, each tied to a field.

    Args:
        targets: the importer's fields.
        headers: the file's column headers.
        pairs: (column, field) as chosen: a form may give one column to two fields, a
            mapping file one field to two columns; both are problems.
        one_of: groups of fields of which at least one needs a column.
        given: fields filled for every row without a column (a programme chosen for the
            whole file), so a column for them is not needed.
    """
    known = {t.name: t for t in targets}
    chosen = list(pairs)
    problems: list[MappingProblem] = []
    by_column: dict[str, str] = {}
    by_field: dict[str, str] = {}
    for header, field in chosen:
        if header not in headers:
            text = f"The mapping names a column '{header}' that the file does not have."
            problems.append(MappingProblem(field, "unknown_column", text, header))
        elif (times := list(headers).count(header)) > 1:
            # Only the first would be read and the others dropped without a word.
            text = (
                f"The file has {times} columns headed '{header}', so it is not clear which "
                "one to import; give them different headers and try again."
            )
            problems.append(MappingProblem(field, "same_header", text, header))
        if field not in known:
            text = f"'{field}' is not a field this import can fill."
            problems.append(MappingProblem(field, "unknown_field", text, header))
        if header in by_column:
            first = by_column[header]
            label = known[first].label if first in known else first
            text = f"'{header}' is already the column for {label}."
            problems.append(MappingProblem(field, "column_twice", text, header, first))
        else:
            by_column[header] = field
        if field in by_field:
            text = f"Both '{by_field[field]}' and '{header}' are mapped to {field}."
            problems.append(MappingProblem(field, "field_twice", text, header))
        else:
            by_field[field] = header
    filled = set(by_field) | set(given)
    for target in targets:
        if target.required and target.name not in filled:
            text = f"No column is mapped to '{target.label}', which is required."
            problems.append(MappingProblem(target.name, "required", text))
    for group in one_of:
        if group and not filled & set(group):
            labels = " or ".join(f"'{known[f].label if f in known else f}'" for f in group)
            text = f"No column is mapped to {labels}; one of them is required."
            problems.append(MappingProblem(group[0], "one_of", text, other="|".join(group)))
    return problems


def check_mapping(
    targets: Sequence[Target], headers: Sequence[str], mapping: Mapping_
) -> list[str]:
    """Problems that stop an import before any row is read (unknown fields, missing columns)."""
    return [p.text for p in mapping_problems(targets, headers, mapping.items())]


class MappingStore:
    """Saved mappings, one JSON file per user, keyed by import kind and set of headers.

    Args:
        folder: where the file lives; the user's BrokerDesk config folder by default
            (tests pass a temporary folder).
    """

    FILE_NAME = "import-mappings.json"

    def __init__(self, folder: Path | None = None) -> None:
        if folder is None:
            import platformdirs

            folder = platformdirs.user_config_path("BrokerDesk")
        self.path = Path(folder) / self.FILE_NAME

    @staticmethod
    def _key(kind: str, headers: Sequence[str]) -> str:
        return kind + ":" + "|".join(sorted(header_key(h) for h in headers if h.strip()))

    def _load(self) -> dict[str, Mapping_]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return {}
        return data if isinstance(data, dict) else {}

    def find(self, kind: str, headers: Sequence[str]) -> Mapping_ | None:
        """The mapping saved for exactly these headers, if any (still valid for this file)."""
        saved = self._load().get(self._key(kind, headers))
        if not isinstance(saved, dict):
            return None
        return {h: f for h, f in saved.items() if h in headers and isinstance(f, str)}

    def save(self, kind: str, headers: Sequence[str], mapping: Mapping_) -> None:
        data = self._load()
        data[self._key(kind, headers)] = dict(mapping)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        partial.replace(self.path)


def load_mapping_file(path: str | Path) -> Mapping_:
    """A mapping written by hand for the command line: ``{"Column header": "field", ...}``.

    ``{"columns": {...}}`` (the form the app saves) is accepted too.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise BrokerDeskError(
            f"The mapping file {path} could not be read: {exc.strerror}."
        ) from exc
    except ValueError as exc:
        raise BrokerDeskError(f"The mapping file {path} is not valid JSON ({exc}).") from exc
    except RecursionError:  # '[[[[...' thousands deep: Python's parser gives up
        raise BrokerDeskError(
            f"The mapping file {path} is nested too deeply to be a mapping; it should be a "
            'JSON object like {"Column": "field"}.'
        ) from None
    if isinstance(data, dict) and isinstance(data.get("columns"), dict):
        data = data["columns"]
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise BrokerDeskError(
            f'The mapping file {path} should be a JSON object like {{"Column": "field"}}.'
        )
    return {str(k): v for k, v in data.items()}


def not_imported(
    headers: Sequence[str], mapping: Mapping_, rows: Iterable[Sequence[str]] = ()
) -> list[str]:
    """The columns no field takes, by header, so a preview and a summary can say what will
    not be imported. A column without a header is named by its letter ("column F") when
    any of ``rows`` has something in it; an empty one at the edge of a sheet is no loss."""
    sample = list(rows)
    used = [any(i < len(r) and r[i].strip() for r in sample) for i in range(len(headers))]
    left: list[str] = []
    for number, header in enumerate(headers):
        if header and header not in mapping:
            left.append(header)
        elif not header and used[number]:
            left.append(f"column {column_letter(number)}")
    return left


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA': a column as a spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

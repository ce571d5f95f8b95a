"""Every user-visible string in the GUI goes through tr() so the catalogue can translate it.

An AST walk over ``brokerdesk/gui/**/*.py`` looks at the calls that put text on screen (widget
constructors such as QLabel() and QPushButton(), setters such as setText() and setToolTip(),
menus, message boxes, header labels...). A string literal with letters in it, an f-string with
literal words, or a concatenation or ``.format()`` of such a literal, passed straight to one of
them, is a violation unless it is wrapped in ``tr()``/``translate()``/``QT_TRANSLATE_NOOP()``.
Each module is its own test case, and the message lists ``file:line: 'string'`` for each one.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "brokerdesk" / "gui"

# Constructors whose string arguments are shown to the user.
WIDGETS = frozenset(
    {
        "QAction",
        "QCheckBox",
        "QCommandLinkButton",
        "QGroupBox",
        "QLabel",
        "QListWidgetItem",
        "QMenu",
        "QMessageBox",
        "QProgressDialog",
        "QPushButton",
        "QRadioButton",
        "QStandardItem",
        "QTableWidgetItem",
        "QToolBar",
        "QToolButton",
        "QTreeWidgetItem",
        "QWizardPage",
    }
)
# Methods whose string arguments are shown to the user (all positional string arguments).
SETTERS = frozenset(
    {
        "addAction",
        "addButton",
        "addMenu",
        "addRow",
        "addTab",
        "insertTab",
        "setAccessibleDescription",
        "setAccessibleName",
        "setButtonText",
        "setCancelButtonText",
        "setDetailedText",
        "setHeaderLabels",
        "setHorizontalHeaderLabels",
        "setInformativeText",
        "setItemText",
        "setNameFilter",
        "setNameFilters",
        "setPrefix",
        "setSpecialValueText",
        "setSuffix",
        "setLabelText",
        "setPlaceholderText",
        "setStatusTip",
        "setSubTitle",
        "setTabText",
        "setTabToolTip",
        "setText",
        "setTitle",
        "setToolTip",
        "setVerticalHeaderLabels",
        "setWhatsThis",
        "setWindowTitle",
        "showMessage",
    }
)
# QMessageBox's static functions: (parent, title, text, ...).
MESSAGE_BOX_FUNCTIONS = frozenset({"about", "critical", "information", "question", "warning"})
# QInputDialog's and QFileDialog's static functions: (parent, caption, ...); file dialogs'
# fourth argument is the file-type filter ("Excel workbook (*.xlsx)"), shown too.
DIALOG_FUNCTIONS = frozenset(
    {
        "getDouble",
        "getExistingDirectory",
        "getInt",
        "getItem",
        "getMultiLineText",
        "getOpenFileName",
        "getOpenFileNames",
        "getSaveFileName",
        "getText",
    }
)
# Keyword arguments that carry user-visible text, whatever the call.
TEXT_KEYWORDS = frozenset(
    {
        "text",
        "title",
        "label",
        "caption",
        "toolTip",
        "whatsThis",
        "statusTip",
        "placeholderText",
        "windowTitle",
    }
)
# Calls that make a string translatable (or mark it for the catalogue).
TRANSLATORS = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "qsTr"})

# Literals that are not words in any language, so there is nothing to translate. Strings with
# no letters at all ("—", "…", "%", "0", "+") are always allowed and need no entry here.
ALLOWED = frozenset(
    {
        "BrokerDesk",  # the product's name
        "GSS",  # the ONS code system's name, the same in every language
        "CSV",  # file format names
        "XLSX",
        "PDF",
        "PNG",
        "https://",  # the placeholder of a web address field
    }
)
# Markup carries no words: "<b>{0}</b>" has nothing to translate.
MARKUP = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")
# Combo boxes: addItem(text, data) or addItem(icon, text, data); the data is never shown.
ITEM_ADDERS = frozenset({"addItem", "insertItem"})


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _callee(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _has_words(text: str) -> bool:
    bare = MARKUP.sub("", text)
    return any(ch.isalpha() for ch in bare) and text.strip() not in ALLOWED


def _untranslated(node: ast.AST) -> list[str]:
    """The literal words in an argument expression that no translator call wraps."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if _has_words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        literal = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
        return [_fstring_text(node)] if _has_words(literal) else []
    if isinstance(node, ast.Call):
        name = _callee(node)
        if name in TRANSLATORS:
            return []
        if name == "format" and isinstance(node.func, ast.Attribute):
            return _untranslated(node.func.value)
        return []
    if isinstance(node, ast.BinOp):
        return _untranslated(node.left) + _untranslated(node.right)
    if isinstance(node, ast.IfExp):
        return _untranslated(node.body) + _untranslated(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [text for value in node.values for text in _untranslated(value)]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [text for element in node.elts for text in _untranslated(element)]
    return []


def _fstring_text(node: ast.JoinedStr) -> str:
    parts = []
    for part in node.values:
        if isinstance(part, ast.Constant):
            parts.append(str(part.value))
        else:
            parts.append("{…}")
    return "f" + repr("".join(parts))


def _shown_arguments(node: ast.Call) -> list[ast.AST]:
    """The arguments of ``node`` that end up on screen, or [] when it shows none."""
    name = _callee(node)
    keywords = [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
    if name in WIDGETS or name in SETTERS:
        return [*node.args, *keywords]
    if name in ITEM_ADDERS:
        index = 0 if name == "addItem" else 1  # insertItem(index, text, data)
        if len(node.args) > index and "icon" in ast.unparse(node.args[index]).lower():
            index += 1
        return [*node.args[index : index + 1], *keywords]
    if name in MESSAGE_BOX_FUNCTIONS and isinstance(node.func, ast.Attribute):
        owner = node.func.value
        if isinstance(owner, ast.Name) and owner.id == "QMessageBox":
            return [*node.args[1:3], *keywords]
    if name in DIALOG_FUNCTIONS:
        shown = [*node.args[1:3]] if name.startswith("get") and "File" not in name else []
        if "File" in name or name == "getExistingDirectory":
            shown = [*node.args[1:2], *node.args[3:4]]
        filters = [kw.value for kw in node.keywords if kw.arg in {"caption", "filter", "label"}]
        return [*shown, *filters, *keywords]
    return keywords


def find_violations(source: str, path: str) -> list[Violation]:
    """Untranslated user-visible literals in one module's source."""
    found: list[Violation] = []
    for node in ast.walk(ast.parse(source, filename=path)):
        if not isinstance(node, ast.Call):
            continue
        for argument in _shown_arguments(node):
            for text in _untranslated(argument):
                line = getattr(argument, "lineno", node.lineno)
                found.append(Violation(path, line, text))
    return sorted(found, key=lambda v: (v.line, v.text))


def find_borrowed_tr(source: str, path: str) -> list[Violation]:
    """``window.tr("…")``/``parent.tr("…")`` calls: lupdate files their text under the context
    "window" or "parent", while at run time tr() looks under the object's class name, so a
    translation could never be found. Only ``self.tr()`` (inside the class) or
    ``translate("Context", "…")`` put the text where it is looked for."""
    found = []
    for node in ast.walk(ast.parse(source, filename=path)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "tr"
            and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "self")
        ):
            found.append(Violation(path, node.lineno, ast.unparse(node)[:80]))
    return sorted(found, key=lambda v: v.line)


MODULES = sorted(GUI.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_user_visible_strings_are_translatable(module: Path) -> None:
    relative = str(module.relative_to(ROOT))
    violations = find_violations(module.read_text(encoding="utf-8"), relative)
    assert not violations, (
        f"{len(violations)} user-visible string(s) not wrapped in tr()/translate():\n"
        + "\n".join(str(v) for v in violations)
    )


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_tr_is_called_on_self_or_with_a_context(module: Path) -> None:
    relative = str(module.relative_to(ROOT))
    violations = find_borrowed_tr(module.read_text(encoding="utf-8"), relative)
    assert not violations, (
        f"{len(violations)} tr() call(s) on another object; the catalogue files their text "
        "under the wrong context (use self.tr() or translate('Context', …)):\n"
        + "\n".join(str(v) for v in violations)
    )


def test_the_check_finds_what_a_user_would_see_untranslated() -> None:
    """The walk catches each kind of unwrapped text and lets wrapped text and symbols pass."""
    source = (
        "class W:\n"
        "    def build(self, n):\n"
        "        QLabel('Partners')\n"  # 3: a bare word
        "        self.button.setToolTip(f'Open {n} partners')\n"  # 4: an f-string with words
        "        box.setText('Delete ' + noun + '?')\n"  # 5: a concatenation
        "        QMessageBox.warning(self, 'Import', self.tr('Refused'))\n"  # 6: the title
        "        table.setHeaderLabels([self.tr('Name'), 'Region'])\n"  # 7: one header
        "        menu.addAction('Export {0}'.format(kind))\n"  # 8: .format on a literal
        "        QAction(text='Quit', parent=self)\n"  # 9: a keyword argument
        "        QLabel(self.tr('Partners'))\n"
        "        QLabel(translate('Ctx', 'Partners {0}').format(n))\n"
        "        QLabel('—')\n"
        "        QLabel(f'{n} %')\n"
        "        QLabel(name)\n"
        "        self.setObjectName('partners-list')\n"
        "        QLabel('BrokerDesk')\n"
        "        QLabel(f'<b>{n}</b>')\n"
        "        combo.addItem(self.tr('Partners'), 'partner')\n"
        "        combo.addItem(icon, 'Contacts', 'contact')\n"  # 19: the text after an icon
    )
    found = find_violations(source, "sample.py")
    assert [(v.line, v.text) for v in found] == [
        (3, "Partners"),
        (4, "f'Open {…} partners'"),
        (5, "Delete "),
        (6, "Import"),
        (7, "Region"),
        (8, "Export {0}"),
        (9, "Quit"),
        (19, "Contacts"),
    ]
    assert str(found[0]) == "sample.py:3: 'Partners'"
    borrowed = find_borrowed_tr("window.tr('Quit')\nself.tr('Quit')\n", "sample.py")
    assert [(v.line, v.text) for v in borrowed] == [(1, "window.tr('Quit')")]

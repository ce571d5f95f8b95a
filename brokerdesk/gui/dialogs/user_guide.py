"""Help ▸ User guide (F1): the task-based guide, rendered from ``docs/user-guide.md``.

A non-modal window: the guide's sections listed on the left, the guide itself on the right
(QTextDocument's Markdown reader, pictures from ``docs/screenshots/``), and a find bar
(Ctrl+F, then Enter or F3 for the next match, Shift+F3 for the previous one). Links to a
section of the guide (``#record-a-new-partner``) scroll to it; web links open in the browser.

The guide ships beside the code: in a source checkout it is the repository's ``docs/``
folder, in the PyInstaller build the ``docs/`` folder the spec copies into the bundle.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QImageReader,
    QKeySequence,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

GUIDE_FILE = "user-guide.md"
# Screenshots are 1280 pixels wide; in the guide they are shown at most this wide.
MAX_IMAGE_WIDTH = 640


def docs_dir() -> Path:
    """The folder holding the guide and its screenshots (source checkout or frozen build)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "docs"
    return Path(__file__).resolve().parents[3] / "docs"


def guide_path() -> Path:
    return docs_dir() / GUIDE_FILE


def slug(text: str) -> str:
    """The anchor GitHub gives a heading: "Find anything (Ctrl+K)" → find-anything-ctrlk."""
    plain = unicodedata.normalize("NFKD", text.strip().lower())
    plain = re.sub(r"[^\w\- ]", "", plain)
    return plain.replace(" ", "-")


@dataclass(frozen=True)
class Heading:
    """A heading of the guide and where it starts in the document."""

    level: int
    text: str
    anchor: str
    position: int


class UserGuideWindow(QWidget):
    """The user guide in its own window, readable beside the main window."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.path = path or guide_path()
        self.headings: list[Heading] = []
        self.setObjectName("user-guide")
        self.setWindowTitle(self.tr("BrokerDesk user guide"))
        self.setAccessibleName(self.tr("BrokerDesk user guide"))
        self._build()
        self.load()
        self.resize(1040, 760)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.contents = QListWidget(self)
        self.contents.setObjectName("guide-contents")
        self.contents.setAccessibleName(self.tr("Contents"))
        self.contents.setWordWrap(True)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.contents.setSpacing(2)
        self.contents.setWhatsThis(self.tr("The tasks this guide explains. Choose one to read it."))
        self.contents.itemActivated.connect(self._open_item)
        self.contents.itemClicked.connect(self._open_item)
        contents_label = QLabel(self.tr("&Contents"), self)
        contents_label.setBuddy(self.contents)

        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide-text")
        self.browser.setAccessibleName(self.tr("User guide text"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow_link)

        self.find_field = QLineEdit(self)
        self.find_field.setObjectName("guide-find")
        self.find_field.setAccessibleName(self.tr("Find in the guide"))
        self.find_field.setPlaceholderText(self.tr("Word or phrase"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.returnPressed.connect(self.find_next)
        find_label = QLabel(self.tr("&Find:"), self)
        find_label.setBuddy(self.find_field)
        next_button = QPushButton(self.tr("&Next"), self)
        next_button.setAccessibleName(self.tr("Next match"))
        next_button.setAutoDefault(False)
        next_button.clicked.connect(self.find_next)
        previous_button = QPushButton(self.tr("Pre&vious"), self)
        previous_button.setAccessibleName(self.tr("Previous match"))
        previous_button.setAutoDefault(False)
        previous_button.clicked.connect(self.find_previous)
        self.find_status = QLabel(self)
        self.find_status.setAccessibleName(self.tr("Find status"))

        find_bar = QHBoxLayout()
        find_bar.addWidget(find_label)
        find_bar.addWidget(self.find_field, 1)
        find_bar.addWidget(next_button)
        find_bar.addWidget(previous_button)
        find_bar.addWidget(self.find_status)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(contents_label)
        left_layout.addWidget(self.contents)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.browser)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 790])

        layout = QVBoxLayout(self)
        layout.addLayout(find_bar)
        layout.addWidget(self.splitter, 1)

        self._shortcut(self.tr("Find"), QKeySequence.StandardKey.FindNext, self.find_next)
        self._shortcut(
            self.tr("Find previous"), QKeySequence.StandardKey.FindPrevious, self.find_previous
        )
        self._shortcut(self.tr("Find"), QKeySequence.StandardKey.Find, self.focus_find)
        self._shortcut(self.tr("Larger text"), QKeySequence.StandardKey.ZoomIn, self.zoom_in)
        self._shortcut(self.tr("Smaller text"), QKeySequence.StandardKey.ZoomOut, self.zoom_out)
        self._shortcut(self.tr("Close"), QKeySequence.StandardKey.Close, self.close)
        self._shortcut(self.tr("Close"), QKeySequence(Qt.Key.Key_Escape), self.close)

    def _shortcut(
        self, text: str, key: QKeySequence | QKeySequence.StandardKey, slot: object
    ) -> None:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        """Read and render the guide; a missing file is said in a sentence, not raised."""
        document = self.browser.document()
        folder = self.path.parent
        document.setBaseUrl(QUrl.fromLocalFile(f"{folder}/"))
        self.browser.setSearchPaths([str(folder)])
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError as exc:
            self.browser.setPlainText(
                self.tr("The user guide could not be read from {0} ({1}).").format(
                    self.path, exc.strerror or exc
                )
            )
            self.headings = []
            self.contents.clear()
            return
        document.setMarkdown(text, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        self._fit_images(folder)
        self.headings = self._find_headings()
        self.contents.clear()
        for heading in self.headings:
            if heading.level == 2:
                item = QListWidgetItem(heading.text, self.contents)
                item.setData(Qt.ItemDataRole.UserRole, heading.anchor)

    def _fit_images(self, folder: Path) -> None:
        """Show wide screenshots at a readable width, keeping their proportions."""
        document = self.browser.document()
        changes: list[tuple[int, int, QTextImageFormat]] = []
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                char_format = fragment.charFormat()
                if char_format.isImageFormat():
                    image_format = char_format.toImageFormat()
                    # The header's size only: decoding every screenshot here would do twice
                    # what the document does anyway.
                    size = QImageReader(str(folder / image_format.name())).size()
                    if size.isValid() and size.width() > MAX_IMAGE_WIDTH:
                        image_format.setWidth(MAX_IMAGE_WIDTH)
                        image_format.setHeight(size.height() * MAX_IMAGE_WIDTH / size.width())
                        changes.append((fragment.position(), fragment.length(), image_format))
                iterator += 1
            block = block.next()
        cursor = QTextCursor(document)
        for position, length, image_format in changes:
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image_format)

    def _find_headings(self) -> list[Heading]:
        headings = []
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if level:
                text = block.text().strip()
                headings.append(Heading(level, text, slug(text), block.position()))
            block = block.next()
        return headings

    # ------------------------------------------------------------------ moving about
    def heading(self, anchor: str) -> Heading | None:
        return next((h for h in self.headings if h.anchor == anchor), None)

    def scroll_to(self, anchor: str) -> bool:
        """Put the section ``anchor`` at the top of the view, the reading cursor on it."""
        heading = self.heading(anchor)
        if heading is None:
            return False
        document = self.browser.document()
        block = document.findBlock(heading.position)
        self.browser.setTextCursor(QTextCursor(block))
        top = document.documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == anchor:
                self.contents.blockSignals(True)
                self.contents.setCurrentRow(row)
                self.contents.blockSignals(False)
        return True

    def _open_item(self, item: QListWidgetItem) -> None:
        self.scroll_to(item.data(Qt.ItemDataRole.UserRole))

    def follow_link(self, url: QUrl) -> None:
        """A section of the guide scrolls into view; web and mail links open outside."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            if not self.scroll_to(url.fragment()):
                self.find_status.setText(self.tr("That section is not in this guide."))
        elif url.isRelative() or url.isLocalFile():
            if url.isRelative():
                url = QUrl.fromLocalFile(str(self.path.parent / url.path()))
            QDesktopServices.openUrl(url)

    # ------------------------------------------------------------------ finding
    def focus_find(self) -> None:
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()

    def find_next(self) -> bool:
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        text = self.find_field.text().strip()
        if not text:
            self.focus_find()
            return False
        if self.browser.find(text, flags):
            self.find_status.setText("")
            return True
        # Wrap around: from the other end of the guide.
        cursor = self.browser.textCursor()
        backward = bool(flags & QTextDocument.FindFlag.FindBackward)
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.browser.setTextCursor(cursor)
        if self.browser.find(text, flags):
            self.find_status.setText(self.tr("Search went round to the other end"))
            return True
        self.find_status.setText(self.tr("“{0}” is not in the guide").format(text))
        return False

    def zoom_in(self) -> None:
        self.browser.zoomIn(1)

    def zoom_out(self) -> None:
        self.browser.zoomOut(1)


def open_user_guide(
    parent: QWidget, guide: UserGuideWindow | None = None, anchor: str | None = None
) -> UserGuideWindow:
    """Show ``guide``, or a new guide window beside ``parent``, at ``anchor`` if given."""
    if guide is None:
        guide = UserGuideWindow(parent)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    if anchor:
        guide.scroll_to(anchor)
    return guide

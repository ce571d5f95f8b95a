"""Names and headers in every script keep their letters when folded for comparison."""

from __future__ import annotations

from pathlib import Path

from brokerdesk.core.importing import MappingStore, name_key
from brokerdesk.core.importing.folding import fold, match_key


def test_a_saved_mapping_for_russian_headers_survives_one_for_chinese_headers(
    tmp_path: Path,
) -> None:
    store = MappingStore(tmp_path / "config")
    russian, chinese = ["Имя", "Сайт"], ["名称", "网站"]
    store.save("partners", russian, {"Имя": "name", "Сайт": "website"})
    store.save("partners", chinese, {"名称": "name", "网站": "website"})
    assert store.find("partners", russian) == {"Имя": "name", "Сайт": "website"}
    assert store.find("partners", chinese) == {"名称": "name", "网站": "website"}


def test_names_in_other_scripts_fold_to_themselves_and_stay_apart() -> None:
    names = ["مكتبة الشارقة", "読書協会", "Σύλλογος Βιβλίων", "Книжный клуб", "पुस्तकालय"]
    keys = [match_key(n) for n in names]
    assert all(keys) and len(set(keys)) == len(names)
    assert fold("ΣΎΛΛΟΓΟΣ") == fold("σύλλογος")  # case and accents, as in Latin
    assert fold("مَكتبة") == fold("مكتبة")  # Arabic vowel points are optional spelling
    assert fold("がく") != fold("かく")  # a Japanese voicing mark changes the word
    assert name_key("Llyfrgell Ŵyr Library") == name_key("llyfrgell wyr")


def test_symbols_are_their_own_key_and_nothing_visible_is_no_key() -> None:
    assert match_key("📚") != match_key("🎭")
    assert match_key("📚") == match_key(" 📚 ")
    assert match_key("\u202e\u200f") == ""

"""The content files in casekit/content/: each parses, is complete, keyed, and ready for a translation beside it."""

import csv
import io
import re
import tomllib
from importlib.resources import files

import pytest

from casekit import _content
from casekit.case import PARTS

CONTENT = files("casekit") / "content"
RACI_LETTERS = {"R", "A", "C", "I"}


def _csv(name):
    return list(csv.DictReader(io.StringIO((CONTENT / name).read_text(encoding="utf-8"))))


def _toml(name):
    return tomllib.loads((CONTENT / name).read_text(encoding="utf-8"))


def _cards():
    return [{"key": play["key"], **card} for play in _toml("role_plays.toml")["role_play"] for card in play["card"]]


# table -> (records, key fields, required fields, text fields). Text fields must not be empty and are the only
# ones that may carry a translation (<field>_da); people's reading is required only for people in the case, and
# a categorical column's allowed values are empty in codebook.csv (filled from categories.csv).
MAY_BE_EMPTY = {("codebook.csv", "allowed_values")}
TABLES = {
    "categories.csv": (lambda: _csv("categories.csv"), ["column", "value"], ["column", "value"], []),
    "codebook.csv": (
        lambda: _csv("codebook.csv"),
        ["column"],
        ["column", "danish_label", "type", "allowed_values", "source", "pilot_model", "meaning"],
        ["danish_label", "type", "allowed_values", "source", "meaning"],
    ),
    "people.toml": (
        lambda: _toml("people.toml")["person"],
        ["id"],
        ["id", "in_the_case", "name", "role", "unit"],
        ["name", "role", "unit", "wants", "worries", "knows", "does_not_know"],
    ),
    "stakeholders.csv": (lambda: _csv("stakeholders.csv"), ["person"], ["person", "power", "interest"], []),
    "role_plays.toml": (
        lambda: _toml("role_plays.toml")["role_play"],
        ["key"],
        ["key", "title", "part", "scene", "not_in_the_case", "card"],
        ["title", "scene", "not_in_the_case"],
    ),
    "role_plays.toml cards": (
        _cards,
        ["key", "person"],
        ["key", "person", "task", "wants", "fears", "knows", "does_not_know"],
        ["task", "wants", "fears", "knows", "does_not_know"],
    ),
    "timeline.csv": (lambda: _csv("timeline.csv"), ["id"], ["id", "date", "exact", "part", "event"], ["event"]),
    "leak_article.toml": (
        lambda: [_toml("leak_article.toml")],
        ["printed_date"],
        ["printed_date", "theft", "story_part", "note"],
        ["theft", "note"],
    ),
    "kotter_steps.csv": (lambda: _csv("kotter_steps.csv"), ["step"], ["step", "name"], ["name"]),
    "lewin_stages.csv": (lambda: _csv("lewin_stages.csv"), ["stage"], ["stage"], []),
    "failures.csv": (
        lambda: _csv("failures.csv"),
        ["id"],
        ["id", "failure", "part", "kotter_step", "lewin"],
        ["failure"],
    ),
    "raci.toml roles": (lambda: _toml("raci.toml")["role"], ["id"], ["id", "label"], ["label"]),
    "raci.toml tasks": (lambda: _toml("raci.toml")["task"], ["id"], ["id", "task", "after_episode_2"], ["task"]),
    "example_plan.csv": (
        lambda: _csv("example_plan.csv"),
        ["number"],
        ["number", "step", "who", "when", "principle", "kotter_step"],
        ["step", "who", "when"],
    ),
    "ethics.toml sources": (
        lambda: [{"code": code, **s} for code, s in _toml("ethics.toml")["source"].items()],
        ["code"],
        ["code", "label"],
        ["label"],
    ),
    "ethics.toml principles": (
        lambda: _toml("ethics.toml")["principle"],
        ["source", "number"],
        ["source", "number", "principle", "in_plain_words", "question"],
        ["principle", "in_plain_words", "question"],
    ),
    "ethics.toml digital_stafet": (
        lambda: _toml("ethics.toml")["digital_stafet"],
        ["number"],
        ["number", "question"],
        ["question"],
    ),
}


def test_every_content_file_is_checked_here_and_described_in_the_readme():
    on_disk = {item.name for item in CONTENT.iterdir() if item.name != "README.md"}
    assert on_disk == {name.split()[0] for name in TABLES}
    readme = (CONTENT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in on_disk)


@pytest.mark.parametrize("name", sorted(name for name in TABLES if name.endswith(".csv")))
def test_every_csv_row_has_as_many_fields_as_its_header(name):
    lines = list(csv.reader(io.StringIO((CONTENT / name).read_text(encoding="utf-8"))))
    assert lines and all(len(line) == len(lines[0]) for line in lines), name
    assert _content.read_rows(name)


@pytest.mark.parametrize("name", TABLES)
def test_every_table_has_its_fields_unique_keys_and_no_empty_text(name):
    records, key, required, text = TABLES[name]
    records = records()
    assert records, f"{name} is empty"
    for record in records:
        assert set(required) <= set(record), f"{name}: {record.get(key[0])!r} lacks {set(required) - set(record)}"
        for field in text:
            if (name, field) not in MAY_BE_EMPTY and (field in required or record.get("in_the_case", True)):
                value = record.get(field)
                assert isinstance(value, str) and value.strip() == value and value, (name, record[key[0]], field)
        allowed = set(required) | set(text) | {f"{field}_{code}" for field in text for code in _content.LANGUAGES}
        assert set(record) <= allowed, f"{name}: unexpected {set(record) - allowed} (a translation of a code?)"
    keys = [tuple(str(record[field]) for field in key) for record in records]
    assert len(keys) == len(set(keys)), f"{name}: repeated keys {sorted(k for k in keys if keys.count(k) > 1)}"


def test_a_missing_comma_is_caught_with_the_file_and_line(monkeypatch):
    merged = 'id,date,exact,part,event\nminutes,2019-01-28,True,Episode 1 "Tina e-mails the minutes"\n'
    monkeypatch.setattr(_content, "_text", lambda name: merged)
    with pytest.raises(ValueError, match=r"timeline\.csv, line 2 has 4 fields, but the header has 5: a comma"):
        _content.read_rows("timeline.csv")


def test_a_translation_beside_a_text_is_used_only_for_its_language(monkeypatch):
    with_danish = "id,event,event_da\nminutes,Tina e-mails the minutes,Tina mailer referatet\npause,Paused,\n"
    monkeypatch.setattr(_content, "_text", lambda name: with_danish)
    assert _content.read_rows("timeline.csv") == [
        {"id": "minutes", "event": "Tina e-mails the minutes"},
        {"id": "pause", "event": "Paused"},
    ]
    assert [row["event"] for row in _content.read_rows("timeline.csv", language="da")] == [
        "Tina mailer referatet",
        "Paused",
    ]
    with pytest.raises(ValueError, match=r"`language` must be one of \['en', 'da'\], but 'de' was passed"):
        _content.read_rows("timeline.csv", language="de")


# Issue 15: every text a reader of the kit can see in Danish has its Danish beside it, so a missing string fails
# here rather than falling back to English unnoticed. `danish_label` is Danish already; names, labels and ranges
# of a few words may read the same in both languages, longer prose may not.
ALREADY_DANISH = {("codebook.csv", "danish_label")}
FEW_WORDS = 3


@pytest.mark.parametrize("name", TABLES)
def test_every_text_has_its_danish_right_beside_it(name):
    records, key, _required, text = TABLES[name]
    for record in records():
        fields = list(record)
        for field in text:
            if (name, field) in ALREADY_DANISH or field not in record:
                continue
            where = (name, *(record[k] for k in key), field)
            english, danish = record[field], record.get(f"{field}_da")
            assert isinstance(danish, str), f"{where}: no {field}_da beside {english!r}"
            assert fields.index(f"{field}_da") == fields.index(field) + 1, f"{where}: {field}_da is not next to it"
            assert bool(danish) == bool(english), f"{where}: {field}_da is {danish!r} beside {english!r}"
            assert danish.strip() == danish, f"{where}: {danish!r} starts or ends with a space"
            if len(english.split()) > FEW_WORDS:
                assert danish != english, f"{where}: the Danish is the English"


def test_every_person_on_a_card_or_the_stakeholder_map_is_in_the_people_table():
    people = {person["id"]: person for person in _toml("people.toml")["person"]}
    assert {card["person"] for card in _cards()} <= set(people)
    stakes = {row["person"] for row in _csv("stakeholders.csv")}
    assert stakes == {pid for pid, person in people.items() if person["in_the_case"]}
    assert all(1 <= int(row[field]) <= 5 for row in _csv("stakeholders.csv") for field in ("power", "interest"))
    assert len({person["name"] for person in people.values()}) == len(people)
    added = [person for person in people.values() if not person["in_the_case"]]
    assert all("wants" not in person for person in added), "a role the kit adds has no reading of the case"


def test_kotter_steps_run_one_to_eight_and_every_failure_sits_on_one():
    assert [int(row["step"]) for row in _csv("kotter_steps.csv")] == list(range(1, 9))
    stages = [row["stage"] for row in _csv("lewin_stages.csv")]
    for failure in _csv("failures.csv"):
        assert 1 <= int(failure["kotter_step"]) <= 8, failure["id"]
        assert failure["lewin"] in stages and failure["part"] in PARTS, failure["id"]


def test_the_timeline_has_iso_dates_true_or_false_and_real_parts():
    for event in _csv("timeline.csv"):
        assert re.fullmatch(r"2018|2019", event["date"][:4]) and re.fullmatch(r"\d{4}-\d\d-\d\d", event["date"])
        assert event["exact"] in ("True", "False") and event["part"] in PARTS, event["id"]
    article = _toml("leak_article.toml")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", article["printed_date"]) and article["story_part"] in PARTS
    assert all(play["part"] in PARTS for play in _toml("role_plays.toml")["role_play"])


def test_the_raci_letters_after_episode_2_are_letters_of_real_roles():
    raci = _toml("raci.toml")
    roles = {role["id"] for role in raci["role"]}
    for task in raci["task"]:
        assert set(task["after_episode_2"]) <= roles and set(task["after_episode_2"].values()) <= RACI_LETTERS


def test_the_example_plan_is_numbered_in_order_and_cites_real_principles():
    plan = _csv("example_plan.csv")
    assert [int(step["number"]) for step in plan] == list(range(1, len(plan) + 1))
    codes = {f"{p['source']} {p['number']}" for p in _toml("ethics.toml")["principle"]}
    for step in plan:
        assert 1 <= int(step["kotter_step"]) <= 8
        assert {code.strip() for code in step["principle"].split(";")} <= codes, step["number"]


def test_principles_name_a_source_and_are_numbered_from_one():
    ethics = _toml("ethics.toml")
    for source in ethics["source"]:
        numbers = [p["number"] for p in ethics["principle"] if p["source"] == source]
        assert numbers == list(range(1, len(numbers) + 1)), source
    assert {p["source"] for p in ethics["principle"]} == set(ethics["source"])
    assert [q["number"] for q in ethics["digital_stafet"]] == list(range(1, 9))
    assert ethics["ministry_scope"].strip() and ethics["ams_groups"] == ["high", "middle", "low"]


def test_the_codebook_leaves_allowed_values_empty_exactly_for_the_categorical_columns():
    from casekit.codebook import DISTRICTS, ESTATE

    categorical = {row["column"] for row in _csv("categories.csv")}
    book = {row["column"]: row for row in _csv("codebook.csv")}
    assert {column for column, row in book.items() if not row["allowed_values"]} == categorical
    assert all("category" in book[column]["type"] for column in categorical)
    assert ESTATE in DISTRICTS and ESTATE in book["district"]["meaning"]

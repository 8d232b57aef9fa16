"""The texts the code writes are ready for another language: catalogued, kept in step, and switched without code.

- the template ``casekit/locale/casekit.pot`` holds exactly the texts the code
  marks today, every language's ``.po`` holds them all, and the ``.mo`` the kit
  reads is what its ``.po`` compiles to;
- a translation reaches the letter, the explanation and the apps with no code
  changed, the numbers stay the same, and switching back gives English again;
- every text of the template has a Danish translation, none fuzzy: a missing
  Danish string fails here rather than falling back to English unseen;
- in Danish the numbers, percentages and dates are written the Danish way
  ("88,7 %", "1.774 af 2.000") and are the same numbers as in English;
- ``CASEKIT_LANGUAGE`` picks the language when the kit is imported.
"""

import datetime
import io
import os
import re
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from importlib.resources import files

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import casekit
from casekit import apps, explain, format_rate
from casekit.checking import Question, summary
from casekit.i18n import ENVIRONMENT_VARIABLE, LANGUAGES, _, date, language, number, percent, set_language
from casekit.tools import ROOT
from casekit.tools.catalog import catalogue_path, check_translations
from casekit.transparency import citizen_letter, model_card

LOCALE = ROOT / "casekit" / "locale"
TRANSLATED = [code for code in LANGUAGES if code != "en"]
RUN = "run `make catalog` (python -m casekit.tools catalog)"


def _read(path):
    with open(path, "rb") as file:
        return read_po(file)


def _ids(catalog):
    return {message.id for message in catalog if message.id}


@pytest.fixture
def english_after():
    """Whatever a test switches to, the kit speaks English again after it."""
    yield
    set_language("en")


def test_the_template_holds_exactly_the_texts_the_code_marks():
    with open(ROOT / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    marked = {found[2] for found in extract_from_dir(ROOT / "casekit", method_map, options_map)}
    template = _ids(_read(LOCALE / "casekit.pot"))
    new, stale = sorted(marked - template, key=str), sorted(template - marked, key=str)
    assert not new, f"marked in the code but not in casekit/locale/casekit.pot: {new}; {RUN}"
    assert not stale, f"in casekit/locale/casekit.pot but no longer in the code: {stale}; {RUN}"
    # The kit's own texts are in it: a letter heading, an app label, a plural.
    assert {"**To citizen {citizen_id}**", "Threshold"} <= template
    assert any(isinstance(message, tuple) for message in template)


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_language_has_every_text_of_the_template(code):
    template = _ids(_read(LOCALE / "casekit.pot"))
    catalog = _read(catalogue_path(code, locale_dir=LOCALE))
    missing = template - _ids(catalog)
    assert not missing, f"{catalogue_path(code, locale_dir=LOCALE)} lacks {sorted(missing, key=str)}; {RUN}"
    assert str(catalog.locale) == code
    assert check_translations(catalog) == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalogue_is_what_its_po_compiles_to(code):
    compiled = io.BytesIO()
    write_mo(compiled, _read(catalogue_path(code, locale_dir=LOCALE)))
    shipped = files("casekit") / "locale" / code / "LC_MESSAGES" / "casekit.mo"
    assert shipped.read_bytes() == compiled.getvalue(), f"casekit.mo is older than casekit.po; {RUN}"


def test_the_catalogues_ship_with_the_package():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = project["tool"]["setuptools"]["package-data"]["casekit"]
    shipped = [path.relative_to(ROOT / "casekit").as_posix() for path in LOCALE.rglob("*") if path.is_file()]
    assert {"locale/casekit.pot", *(f"locale/da/LC_MESSAGES/casekit.{kind}" for kind in ("po", "mo"))} <= set(shipped)
    assert [path for path in shipped if not any(fnmatch(path, pattern) for pattern in patterns)] == []


def test_a_translation_that_loses_a_placeholder_is_caught():
    catalog = Catalog(locale="da")
    catalog.add("{done} of {total} done.", "{done} af alle er færdige.", locations=[("casekit/checking.py", 1)])
    catalog.add("Threshold", "Tærskel")
    (problem,) = check_translations(catalog)
    assert "{done} of {total} done." in problem and "['done', 'total']" in problem and "['done']" in problem


# A tiny Danish catalogue: a letter's heading, an app's label, both forms of a plural and a check's summary.
DANISH = {
    "**To citizen {citizen_id}**": "**Til borger {citizen_id}**",
    "Threshold": "Tærskel",
    "{done} of {total} done.": "{done} af {total} klaret.",
    (
        "{unemployed} of {size} similar citizens in the training data was still unemployed",
        "{unemployed} of {size} similar citizens in the training data were still unemployed",
    ): (
        "{unemployed} af {size} lignende borgere i træningsdata var stadig ledig",
        "{unemployed} af {size} lignende borgere i træningsdata var stadig ledige",
    ),
}


@pytest.fixture
def danish(tmp_path):
    """A folder with a compiled Danish catalogue translating :data:`DANISH`, as a translator would make it."""
    template = _ids(_read(LOCALE / "casekit.pot"))
    assert set(DANISH) <= template, "the texts this test translates must be ones the code marks"
    catalog = Catalog(locale="da")
    for english, danish in DANISH.items():
        catalog.add(english, danish)
    path = catalogue_path("da", ".mo", locale_dir=tmp_path)
    path.parent.mkdir(parents=True)
    with open(path, "wb") as file:
        write_mo(file, catalog)
    return tmp_path


def _numbers(text, code="en"):
    """The numbers in `text` as floats, read as language `code` writes them ("1,305.5" / "1.305,5"), sorted.

    Sorted, because a translation may say them in another order.
    """
    group, decimal = (",", ".") if code == "en" else (".", ",")
    found = re.findall(r"\d[\d,.]*\d|\d", re.sub(r"<[^>]*>", " ", text))  # the numbers a reader sees, not HTML's
    return sorted(float(token.replace(group, "").replace(decimal, ".")) for token in found)


def test_a_translation_reaches_the_letter_the_explanation_and_the_apps(pilot, danish, english_after):
    citizen = pilot.test.iloc[0]
    found = explain(pilot.model, citizen)
    english = citizen_letter(pilot.model, citizen), str(found)
    english_label = apps.threshold_app(pilot.model, pilot.test).children[0].children[0].description

    set_language("da", localedir=danish)
    letter, explanation = citizen_letter(pilot.model, citizen), str(explain(pilot.model, citizen))
    slider = apps.threshold_app(pilot.model, pilot.test).children[0].children[0]

    assert language() == "da"
    assert letter.splitlines()[0] == f"**Til borger {citizen['citizen_id']}**"
    assert english[0].splitlines()[0] == f"**To citizen {citizen['citizen_id']}**"
    form = 0 if found.leaf_unemployed == 1 else 1  # the first test citizen's leaf has 1 unemployed: the singular
    said = list(DANISH.values())[-1][form].format(
        unemployed=number(found.leaf_unemployed), size=number(found.leaf_size)
    )
    assert f"because {said} after 12 months" in explanation
    assert slider.description == "Tærskel" and english_label == "Threshold"
    assert _numbers(letter, "da") == _numbers(english[0]) and _numbers(explanation, "da") == _numbers(english[1])
    # What the catalogue does not translate stays English.
    assert "**This is not a decision.**" in letter

    set_language("en")
    assert (citizen_letter(pilot.model, citizen), str(explain(pilot.model, citizen))) == english


def test_a_translation_reaches_the_checks_feedback(danish, english_after):
    question = Question("share", truth=lambda context: 0.5, context=dict, hints=[], worked="", why="")
    question.check(0.5)
    set_language("da", localedir=danish)
    assert repr(summary(question)) == "CORRECT: 1 af 1 klaret."
    set_language("en")
    assert repr(summary(question)) == "CORRECT: 1 of 1 done."


def test_a_language_without_a_catalogue_speaks_english(tmp_path, english_after):
    set_language("da", localedir=tmp_path)
    assert language() == "da" and _("Threshold") == "Threshold"


def test_an_unknown_language_is_refused_with_the_languages_there_are(english_after):
    with pytest.raises(ValueError) as error:
        set_language("fr")
    assert str(error.value) == "`code` must be one of ['en', 'da'], but 'fr' was passed."
    assert language() == "en"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_text_of_the_template_is_translated_and_none_is_fuzzy(code):
    template = _ids(_read(LOCALE / "casekit.pot"))
    catalog = _read(catalogue_path(code, locale_dir=LOCALE))
    untranslated, fuzzy = [], []
    for message in catalog:
        if message.id not in template:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(text.strip() for text in strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert untranslated == [], f"{catalogue_path(code, locale_dir=LOCALE)} does not translate {untranslated}"
    assert fuzzy == [], f"{catalogue_path(code, locale_dir=LOCALE)} marks as fuzzy (to check): {fuzzy}"


def test_the_helpers_write_danish_numbers_percentages_and_dates(english_after):
    shares = [0.887, 1 / 80, 0.5, 0.0]
    english = [number(1774), number(6.43, 1), *(percent(share) for share in shares), date(datetime.date(2019, 5, 3))]
    set_language("da")
    danish = [number(1774), number(6.43, 1), *(percent(share) for share in shares), date(datetime.date(2019, 5, 3))]
    assert danish[:2] == ["1.774", "6,4"] and english[:2] == ["1,774", "6.4"]
    # The same percentage, rounded alike (1/80 is 1.25 %: Python rounds it to 1.2), with "," and " %" in Danish.
    assert danish[2:6] == [text.replace(".", ",").replace("%", " %") for text in english[2:6]]
    assert danish[6] == "3. maj 2019" and english[6] == "3 May 2019"


def _both(write):
    """What `write()` returns in English and in Danish (the shipped catalogue)."""
    set_language("en")
    english = write()
    set_language("da")
    danish = write()
    set_language("en")
    return english, danish


def _assert_same_numbers_written_the_danish_way(english, danish):
    assert _numbers(danish, "da") == _numbers(english), "the Danish text must show the English text's numbers"
    assert danish != english, "the Danish text must be Danish"


def test_the_threshold_apps_text_is_danish_with_the_same_numbers(pilot, english_after):
    counts = casekit.threshold_summary(pilot.model, pilot.test, threshold=0.5)
    english, danish = _both(lambda: apps._summary_html(counts))
    _assert_same_numbers_written_the_danish_way(english, danish)
    shown = f"{100 * counts['accuracy']:.1f}".replace(".", ",")
    assert f"Træfsikkerhed: <b>{shown} %</b>" in danish
    each = f"{counts['wrongly_flagged_per_caseworker_per_year']:.1f}"
    assert f"<b>{each.replace('.', ',')}</b> fejlagtigt markerede" in danish and f"<b>{each}</b>" in english


def test_a_letter_and_an_explanation_are_danish_with_the_same_numbers(pilot, english_after):
    big = pilot.test.iloc[0]  # a citizen whose leaf holds more than a thousand training citizens
    found = explain(pilot.model, big)
    assert found.leaf_size >= 1000
    letters = _both(lambda: citizen_letter(pilot.model, big))
    explanations = _both(lambda: str(explain(pilot.model, big)))
    for english, danish in (letters, explanations):
        _assert_same_numbers_written_the_danish_way(english, danish)
    size = f"{found.leaf_size:,}"
    assert f"{size.replace(',', '.')} lignende borgere" in explanations[1] and size in explanations[0]
    assert f"sandsynlighed {found.probability:.2f}".replace(".", ",") in explanations[1]
    assert f"{found.leaf_size:,}".replace(",", ".") in letters[1]


def test_the_model_card_and_a_rate_are_danish_with_the_same_numbers(pilot, english_after):
    english, danish = _both(lambda: model_card(pilot.model, pilot.train, pilot.test))
    _assert_same_numbers_written_the_danish_way(english, danish)
    accuracy = casekit.evaluate(pilot.model, pilot.test).accuracy
    assert f"Træfsikkerhed {100 * accuracy:.1f} %".replace(".", ",") in danish
    english_title, danish_title = _both(lambda: "# " + _("Model card: {name}").format(name=_("The pilot tree")))
    assert english.startswith(english_title + "\n") and danish.startswith(danish_title + "\n")
    assert "The pilot tree" not in danish, "the default name is in the card's language"
    assert f"{len(pilot.train):,}".replace(",", ".") in danish
    english, danish = _both(lambda: format_rate(1774, 2000))
    _assert_same_numbers_written_the_danish_way(english, danish)
    assert english.endswith(", 1774 of 2000") and danish.endswith(", 1.774 af 2.000")
    assert _both(lambda: format_rate(3, 12))[1].endswith("3 af 12: for få til at sige noget")


def _import_with(value):
    """Import the kit in a fresh Python with ``CASEKIT_LANGUAGE=value``; print the language, a text, a number."""
    script = "import casekit.i18n as i; print(i.language(), i._('Threshold'), i.number(1774), sep='|')"
    environment = {key: text for key, text in os.environ.items() if key != ENVIRONMENT_VARIABLE}
    if value is not None:
        environment[ENVIRONMENT_VARIABLE] = value
    run = subprocess.run(
        [sys.executable, "-W", "always", "-c", script], capture_output=True, text=True, cwd=ROOT, env=environment
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.rstrip("\n").split("|"), run.stderr


def test_the_environment_variable_picks_the_language_at_import(english_after):
    set_language("da")
    danish = [language(), _("Threshold"), number(1774)]
    set_language("en")
    assert _import_with("da") == (danish, "")
    assert _import_with(None) == (["en", "Threshold", "1,774"], "")


def test_an_unsupported_language_in_the_environment_warns_and_speaks_english():
    said, warning = _import_with("fr")
    assert said == ["en", "Threshold", "1,774"]
    assert f"{ENVIRONMENT_VARIABLE} must be one of ['en', 'da'], but 'fr' was set; the kit speaks English." in warning

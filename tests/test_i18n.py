"""The texts the code writes are ready for another language: catalogued, kept in step, and switched without code.

- the template ``casekit/locale/casekit.pot`` holds exactly the texts the code
  marks today, every language's ``.po`` holds them all, and the ``.mo`` the kit
  reads is what its ``.po`` compiles to;
- a translation reaches the letter, the explanation and the apps with no code
  changed, the numbers stay the same, and switching back gives English again;
- reading a catalogue needs no Babel.
"""

import io
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

from casekit import apps, explain
from casekit.checking import Question, summary
from casekit.i18n import LANGUAGES, _, language, set_language
from casekit.tools import ROOT
from casekit.tools.catalog import catalogue_path, check_translations
from casekit.transparency import citizen_letter

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
        "{unemployed:,} of {size:,} similar citizens in the training data was still unemployed",
        "{unemployed:,} of {size:,} similar citizens in the training data were still unemployed",
    ): (
        "{unemployed:,} af {size:,} lignende borgere i træningsdata var stadig ledig",
        "{unemployed:,} af {size:,} lignende borgere i træningsdata var stadig ledige",
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


def _numbers(text):
    return re.findall(r"\d[\d,.]*", text)


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
    said = list(DANISH.values())[-1][form].format(unemployed=found.leaf_unemployed, size=found.leaf_size)
    assert f"because {said} after 12 months" in explanation
    assert slider.description == "Tærskel" and english_label == "Threshold"
    assert _numbers(letter) == _numbers(english[0]) and _numbers(explanation) == _numbers(english[1])
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


def test_reading_a_catalogue_needs_no_babel(english_after):
    set_language("da")
    danish = _("Threshold")  # from the shipped catalogue, read here with Babel installed
    script = (
        "import sys; sys.modules['babel'] = None\n"
        "from casekit.i18n import _, language, set_language\n"
        "set_language('da'); print(language(), _('Threshold'))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.rstrip("\n") == f"da {danish}"

"""The glossary: every Danish term of the kit explained in both languages, in Danish order, and easy to find.

A caseworker who meets *tærskel* in a Danish app, or a lecturer who meets
*socialfagligt skøn* in the case, looks it up in ``docs/glossary.md``: every
row gives the term in both languages and a plain explanation in both, the
table follows the Danish alphabet (æ, ø, å last), the English index lists the
same pairs, and the page is linked from both front pages.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs" / "glossary.md"
#: The kit's Danish vocabulary, kept beside the checkout (the word list every Danish text follows).
TERMS = ROOT.parent / "shared" / "DANISH_TERMS.md"
#: The terms issue 15 names for the glossary, by their Danish word in DANISH_TERMS.
NAMED_IN_THE_ISSUE = (
    "model",
    "tærskel",
    "markering",
    "falsk positiv",
    "basisrate",
    "flyttetest",
    "stedfortræder",
    "konfidensinterval",
    "socialfagligt skøn",
)
#: The Danish alphabet ends with æ, ø, å; characters after "z" in code-point order put them there.
DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "é": "e"})


def _table(text, heading):
    """The body rows of the first table under `heading`, each a list of its stripped cells."""
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines[2:]]


@pytest.fixture(scope="module")
def text():
    return GLOSSARY.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rows(text):
    return _table(text, "Dansk–engelsk")


def _danish_terms(cell):
    """The Danish words of one cell of DANISH_TERMS's table: unbracketed, before ';' or ':', split at '/' and ','."""
    words = re.split(r"[;:]", re.sub(r"\([^)]*\)", "", cell))[0]
    return [term.strip(" *") for term in re.split(r"[/,]", words) if term.strip(" *")]


def test_every_row_has_both_languages_and_both_explanations(rows):
    assert len(rows) >= 40
    incomplete = [row for row in rows if len(row) != 4 or not all(row)]
    assert incomplete == [], "each row: | Dansk | English | Forklaring | Explanation |"
    same = [row[0] for row in rows if row[2] == row[3]]
    assert same == [], "the Danish and the English explanation are the same text"
    unfinished = [row[0] for row in rows if not (row[2].endswith((".", "?")) and row[3].endswith((".", "?")))]
    assert unfinished == [], "every explanation is a whole sentence"


def test_the_table_is_sorted_by_the_danish_term_and_each_term_appears_once(rows):
    danish = [row[0] for row in rows]
    assert danish == sorted(danish, key=lambda term: term.lower().translate(DANISH_ORDER))
    assert len(set(danish)) == len(danish)


def test_the_english_index_lists_the_same_pairs_sorted_by_the_english_term(text, rows):
    index = _table(text, "English index")
    assert sorted(map(tuple, index)) == sorted((row[1], row[0]) for row in rows)
    english = [row[0] for row in index]
    assert english == sorted(english, key=str.lower)


@pytest.mark.parametrize("term", NAMED_IN_THE_ISSUE)
def test_the_terms_the_issue_names_are_explained(rows, term):
    assert any(row[0].lower().startswith(term) for row in rows), f"no row for {term!r}"


def test_every_danish_term_of_the_kits_word_list_is_in_the_glossary(rows):
    if not TERMS.exists():
        pytest.skip(f"the Danish word list is not beside this checkout ({TERMS})")
    table = [line.split("|")[2] for line in TERMS.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    wanted = {term for cell in table[1:] for term in _danish_terms(cell)}
    assert len(wanted) >= 40, "the word list's table was not read"
    danish = " ".join(row[0] for row in rows).lower()
    assert sorted(term for term in wanted if term.lower() not in danish) == []


@pytest.mark.parametrize("page", ["README.md", "docs/README.md"])
def test_the_glossary_is_linked_from_the_front_pages(page):
    path = ROOT / page
    targets = re.findall(r"\]\(([^)#\s]+)\)", path.read_text(encoding="utf-8"))
    assert GLOSSARY.resolve() in {(path.parent / target).resolve() for target in targets}

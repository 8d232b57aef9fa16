"""docs/references.md, tested both ways: every citation in the kit resolves to an entry,
and every entry is cited somewhere.

A citation is an author part followed by one or more years, in one of three forms:

* parenthetical: ``(Lipsky 1980)``, ``(Cohen, March & Olsen 1972)``, ``(Sculley et al. 2015)``,
  ``(Chouldechova 2017; Kleinberg, Mullainathan & Raghavan 2016)``, ``(see also Skitka,
  Mosier & Burdick 1999)``, ``(Wacquant 2007, 2008)``, ``(Der Standard 2018a)``,
  ``(GDPR 2016, article 5)``, ``(section 4.2 of Røhl & Elmholdt 2019)``: inside parentheses,
  at the start of the parenthesis or of a ``;``-separated part of it, optionally after a
  lead-in that ends in a comma, ``see``, ``see also``, ``e.g.``, ``cf.``, ``of``, ``in``,
  ``from`` or ``by``;
* narrative: ``Lipsky (1980)``, ``Coch and French (1948)``, ``Kotter (1995, 1996)``,
  ``Røhl & Elmholdt (2019)``, ``Appelbaum et al. (2012)``;
* possessive: ``Goodhart's (1975)``, ``Lipsky's street-level bureaucracy (1980)``,
  ``Busch and Henriksen's review of digital discretion (2018)`` (at most 60 characters,
  no parenthesis, between the possessive and the year).

The author part is one or more names (each one or more capitalised words; Danish, German
and Polish letters allowed; particles such as "van" or "den" between them), joined by
commas, "&" or "and", optionally ending in "et al.". A year is 1900-2029 with an optional
letter (2018a). A citation resolves when the entry key ``Author Year`` equals its author
part with the year, or a trailing part of it (so "notably Schein (1996)" and
"(Urban Outcasts, Wacquant 2008)" find "Schein 1996" and "Wacquant 2008"). Author parts
made only of words such as "In", "January" or "Episode" are not citations.

Entries in docs/references.md start with their key in bold on a line of its own,
``**Lipsky 1980**``; works cited under a name that starts with a small letter (a magazine
called "futurezone", say) are found from their key.
"""

import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "docs" / "references.md"


def _strings(cell):
    """The texts of an exercise's check cell (TOML): its hints, messages, model answer and theory."""

    def walk(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                yield from walk(item)

    return list(walk(tomllib.loads("".join(cell["source"]))))


def _sources():
    """(label, text) for every file whose citations must resolve."""
    found = []
    for pattern in ("notebooks/*.ipynb", "casekit/exercises/*.ipynb", "workshop/*.ipynb"):
        for path in sorted(ROOT.glob(pattern)):
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            text = "\n\n".join(
                "".join(c["source"]) if c["cell_type"] == "markdown" else "\n\n".join(_strings(c))
                for c in cells
                if c["cell_type"] in ("markdown", "raw")
            )
            found.append((str(path.relative_to(ROOT)), text))
    for path in sorted((ROOT / "docs").rglob("*.md")):
        if path != REFERENCES:
            found.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    return found


def _keys():
    """The entry keys of docs/references.md, in order: the bold line that opens each entry."""
    return re.findall(r"^\*\*([^*\n]+?)\*\*\\?\s*$", REFERENCES.read_text(encoding="utf-8"), flags=re.M)


UPPER = "A-ZÆØÅÄÖÜÉÈÁÍÓÚŁŚŻŹĆŃĘĄČŠŽ"
YEAR = r"(?:19\d\d|20[0-2]\d)[a-z]?(?![\d])"
YEARS = rf"{YEAR}(?:\s*,\s*{YEAR})*"
PARTICLE = r"(?:van|von|de|der|den|du|da|di|la|le|ter)"
NOT_NAMES = {
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "Since",
    "Until",
    "Before",
    "After",
    "Between",
    "During",
    "And",
    "The",
    "A",
    "An",
    "Of",
    "Spring",
    "Summer",
    "Autumn",
    "Winter",
    "Early",
    "Late",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Episode",
    "Episodes",
    "Section",
    "Appendix",
    "Step",
    "Table",
    "Figure",
    "Version",
    "Notebook",
    "Cohort",
    "Year",
    "Years",
}


def _patterns(extra_initials=()):
    """The three citation patterns; names may also start with the given small letters' words."""
    lower = "|".join(re.escape(w) for w in sorted(set(extra_initials)))
    token = rf"(?:[{UPPER}][\w'’\-]*\.?" + (rf"|(?:{lower})\b" if lower else "") + ")"
    name = rf"{token}(?:\s+(?:{PARTICLE}\s+)*{token})*"
    authors = rf"{name}(?:\s*,\s*{name})*(?:\s*,?\s+(?:&|and)\s+{name})?(?:\s+et\s+al\.?)?"
    lead = r"(?:[^();]*?(?:,|\bsee(?:\s+also)?|\be\.g\.,?|\bcf\.|\bof|\bin|\bfrom|\bby)\s+)??"
    return [
        re.compile(rf"[(;]\s*{lead}(?P<authors>{authors})\s+(?P<years>{YEARS})(?=[\s,;:)\]])"),
        re.compile(rf"(?P<authors>{authors})\s*\(\s*(?P<years>{YEARS})\s*\)"),
        re.compile(rf"(?P<authors>{authors})['’]s\s+[^()\n]{{0,60}}?\(\s*(?P<years>{YEARS})\s*\)"),
    ]


def _normal(text):
    text = text.replace("’", "'").replace("*", "")
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s*,?\s+and\s+", " & ", text).replace(" ,", ",")


def _citations(text, patterns):
    """(author part, year) for every citation in the text; author parts are normalised."""
    found = set()
    for pattern in patterns:
        for m in pattern.finditer(text):
            authors = re.sub(r"['’]s$", "", _normal(m.group("authors")))
            if all(word.strip(",.") in NOT_NAMES for word in authors.replace("&", " ").split()):
                continue
            for year in re.findall(YEAR, m.group("years")):
                found.add((authors, year))
    return found


def _resolve(authors, year, keys):
    full = f"{authors} {year}"
    return next((k for k in keys if full == k or full.endswith(" " + k)), None)


def _scan():
    keys = [_normal(k) for k in _keys()]
    initials = [k.split()[0] for k in keys if k[:1].islower()]
    patterns = _patterns(initials)
    cited, missing = set(), {}
    for label, text in _sources():
        for authors, year in sorted(_citations(text, patterns)):
            key = _resolve(authors, year, keys)
            if key:
                cited.add(key)
            else:
                missing.setdefault(f"{authors} {year}", []).append(label)
    return keys, cited, missing


def test_the_patterns_find_the_forms_the_kit_uses_and_skip_dates():
    patterns = _patterns()
    text = (
        "(Lipsky 1980) Kotter (1995, 1996) (Cohen, March & Olsen 1972) Coch and French (1948) "
        "(Chouldechova 2017; Kleinberg, Mullainathan & Raghavan 2016) (Politiken 2018) "
        "(see also Skitka, Mosier & Burdick 1999) Goodhart's (1975) (Sculley et al. 2015) "
        "Lipsky's street-level bureaucracy (1980) (Der Standard 2018a) (GDPR 2016, article 5) "
        "(section 4.2 of Røhl & Elmholdt 2019) (Denmark, 2018) "
        "(episode 4) (2019 cohort) on 3 May 2019 (3 May 2019) In 2019 the (pilot test, 2015-2018)"
    )
    assert _citations(text, patterns) == {
        ("Lipsky", "1980"),
        ("Kotter", "1995"),
        ("Kotter", "1996"),
        ("Cohen, March & Olsen", "1972"),
        ("Coch & French", "1948"),
        ("Chouldechova", "2017"),
        ("Kleinberg, Mullainathan & Raghavan", "2016"),
        ("Politiken", "2018"),
        ("Skitka, Mosier & Burdick", "1999"),
        ("Goodhart", "1975"),
        ("Sculley et al.", "2015"),
        ("Der Standard", "2018a"),
        ("GDPR", "2016"),
        ("Røhl & Elmholdt", "2019"),
    }


def test_references_has_entries_with_unique_keys():
    keys = _keys()
    assert len(keys) >= 50
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_every_citation_in_the_kit_resolves_to_a_reference():
    _, _, missing = _scan()
    report = "\n".join(f"  {cite}  <- {', '.join(sorted(set(files)))}" for cite, files in sorted(missing.items()))
    assert not missing, f"{len(missing)} citation(s) with no entry in docs/references.md:\n{report}"


def test_every_reference_is_cited_somewhere():
    keys, cited, _ = _scan()
    uncited = [k for k in keys if k not in cited]
    assert not uncited, f"entries in docs/references.md that nothing cites: {uncited}"

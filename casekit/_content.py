"""Read the kit's content files (``casekit/content/``): tables from CSV, nested records from TOML.

The case's people, timeline, role cards, RACI chart, failures, codebook and
ethics principles live in plain files shipped inside the package (see
``casekit/content/README.md``); the modules that use them read them here at
import. A text field ``X`` may have a translation beside it, ``X_da``; the
readers return one language (English by default), falling back to English
where a translation is missing, and never return the translation fields
themselves, so adding a language changes no table the kit returns.
"""

import csv
import io
import tomllib
from importlib.resources import files

# The languages a content file may hold: English in the plain field ``X``, the others in ``X_<code>``.
from casekit.i18n import LANGUAGES


def _text(name):
    return (files("casekit") / "content" / name).read_text(encoding="utf-8")


def localise(record, language="en"):
    """Return `record` with every text in `language` and the translation fields dropped.

    A field ``X`` takes the value of ``X_<language>`` where that is given and
    not empty, else keeps its English. Nested records (dicts and lists of
    dicts) are localised too.

    Examples
    --------
    >>> localise({"id": "a", "event": "The board says yes", "event_da": "Direktionen siger ja"})
    {'id': 'a', 'event': 'The board says yes'}
    >>> localise({"id": "a", "event": "The board says yes", "event_da": "Direktionen siger ja"}, "da")
    {'id': 'a', 'event': 'Direktionen siger ja'}
    """
    if language not in LANGUAGES:
        raise ValueError(f"`language` must be one of {list(LANGUAGES)}, but {language!r} was passed.")
    if isinstance(record, list):
        return [localise(item, language) for item in record]
    if not isinstance(record, dict):
        return record
    suffixes = tuple(f"_{code}" for code in LANGUAGES if code != "en")
    out = {}
    for field, value in record.items():
        if isinstance(field, str) and field.endswith(suffixes):
            continue
        translated = record.get(f"{field}_{language}") if language != "en" else None
        out[field] = localise(translated if translated else value, language)
    return out


def read_rows(name, *, ints=(), bools=(), language="en"):
    """Return the rows of the CSV file `name` in ``casekit/content`` as dicts, texts in `language`.

    Every value is a string except the columns named in `ints` (converted
    with ``int``) and `bools` (``True`` or ``False``). A row with a field
    more or fewer than the header (a comma missing or one too many) raises
    ValueError naming the file and line.
    """
    lines = csv.reader(io.StringIO(_text(name)))
    header = next(lines)
    rows = []
    for fields in lines:
        where = f"casekit/content/{name}, line {lines.line_num}"
        if not fields:
            continue
        if len(fields) != len(header):
            raise ValueError(
                f"{where} has {len(fields)} fields, but the header has {len(header)}: a comma is "
                f"missing or one too many (or a text with a comma is not in quotes)."
            )
        row = dict(zip(header, fields, strict=True))
        for column in ints:
            if not row[column].lstrip("-").isdigit():
                raise ValueError(f"{where}: `{column}` must be a whole number, but {row[column]!r} was found.")
            row[column] = int(row[column])
        for column in bools:
            if row[column] not in ("True", "False"):
                raise ValueError(f"{where}: `{column}` must be True or False, but {row[column]!r} was found.")
            row[column] = row[column] == "True"
        rows.append(localise(row, language))
    return rows


def read_records(name, *, language="en"):
    """Return the TOML file `name` in ``casekit/content`` as a dict, texts in `language`."""
    return localise(tomllib.loads(_text(name)), language)

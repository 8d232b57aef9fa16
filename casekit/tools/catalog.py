"""Keep the gettext catalogues in step with the code: extract the marked texts, update each language, compile.

``python -m casekit.tools catalog`` (or ``make catalog``), after changing a
text the code marks with ``_()``, ``ngettext()`` or ``N_()`` (see
:mod:`casekit.i18n`):

1. extracts every marked text from ``casekit/`` (``babel.cfg`` says which
   files) into the template ``casekit/locale/casekit.pot``, sorted, with
   where each text is and its ``# Translators:`` comment, and without a
   creation date, so the file changes only when a text does;
2. updates each language's catalogue, ``casekit/locale/<code>/LC_MESSAGES/casekit.po``
   (starts it where there is none): new texts are added untranslated, a
   changed text keeps its old translation marked fuzzy, a text gone from the
   code is dropped unless it was translated;
3. compiles each catalogue to the ``casekit.mo`` the kit reads, refusing a
   translation that drops or adds a ``{placeholder}``.

It needs Babel (a test extra, ``pip install -e ".[test]"``); the kit reads the
compiled catalogues with the standard library.
"""

import io
import re
from importlib.metadata import version
from pathlib import Path

from casekit.i18n import DOMAIN, LANGUAGES
from casekit.tools import ROOT

LOCALE_DIR = ROOT / "casekit" / "locale"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
CONFIG = ROOT / "babel.cfg"
#: A comment starting with this, on the line just above a marked text, goes into the catalogues for the translator.
COMMENT_TAG = "Translators:"
_HEADER = """\
# The texts casekit's code writes (the apps, the explanations, the letter,
# the model card, the checks' feedback, the charts), to translate.
# Made by `make catalog`: do not edit it by hand; translate in
# casekit/locale/<code>/LC_MESSAGES/casekit.po.
#"""
_TRANSLATION_HEADER = """\
# The {language} of the texts casekit's code writes. Translate each
# msgstr here, keeping every {{placeholder}} as it is; `make catalog`
# adds new texts and compiles casekit.mo.
#"""
_PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]*)\}")


def catalogue_path(code, suffix=".po", *, locale_dir=LOCALE_DIR):
    """Return where the catalogue of language `code` lives: ``<locale_dir>/<code>/LC_MESSAGES/casekit.po``.

    Examples
    --------
    >>> catalogue_path("da", ".mo", locale_dir=Path("locale")).as_posix()
    'locale/da/LC_MESSAGES/casekit.mo'
    """
    return Path(locale_dir) / code / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def extract(root=ROOT):
    """Return a Babel catalogue of every text the code under ``root/casekit`` marks, as ``babel.cfg`` says."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with open(Path(root) / "babel.cfg", encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config, filename="babel.cfg")
    catalog = Catalog(project="casekit", version=version("casekit"), header_comment=_HEADER, charset="utf-8")
    found = extract_from_dir(
        Path(root) / "casekit", method_map, options_map, comment_tags=[COMMENT_TAG], strip_comment_tags=True
    )
    for filename, line, message, comments, context in found:
        where = (Path("casekit", filename).as_posix(), line)
        catalog.add(message, None, [where], auto_comments=comments, context=context)
    return catalog


def placeholders(text):
    """Return the ``{placeholders}`` of `text`, by name, as a sorted list.

    Examples
    --------
    >>> placeholders("{done} of {total} done, {done:,} in all; {{not one}}")
    ['done', 'done:,', 'total']
    """
    return sorted(set(_PLACEHOLDER.findall(text)))


def check_translations(catalog):
    """Return a line for every translation in `catalog` whose placeholders differ from its English."""
    problems = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        if message.pluralizable:  # form 0 is the singular, every other form a plural
            pairs = [(message.id[min(form, 1)], text) for form, text in enumerate(message.string)]
        else:
            pairs = [(message.id, message.string)]
        for english, translated in pairs:
            if translated and placeholders(translated) != placeholders(english):
                problems.append(
                    f"{message.locations[0][0] if message.locations else catalog.locale}: {english!r} has "
                    f"{placeholders(english)}, but its translation {translated!r} has {placeholders(translated)}."
                )
    return problems


def _po_text(catalog, *, template=False):
    """A catalogue as the text of a .po (or, with `template`, a .pot without its creation date)."""
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, sort_output=True, ignore_obsolete=False)
    text = buffer.getvalue().decode("utf-8")
    if template:
        text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith('"POT-Creation-Date:'))
    return text


def _updated(template, code, path):
    """The catalogue of `code` at `path` updated from `template`, or started from it where there is none."""
    from babel.messages.pofile import read_po

    if not path.exists():
        start = read_po(io.StringIO(_po_text(template)), locale=code)
        start.fuzzy = False
        start.header_comment = _TRANSLATION_HEADER.format(language=start.locale.english_name)
        return start
    with open(path, "rb") as file:
        catalog = read_po(file, locale=code)
    catalog.update(template, update_creation_date=False)
    for msgid in [msgid for msgid, message in catalog.obsolete.items() if not message.string]:
        del catalog.obsolete[msgid]
    return catalog


def _compiled(catalog):
    from babel.messages.mofile import write_mo

    problems = check_translations(catalog)
    if problems:
        raise ValueError("A translation must keep the placeholders of its English:\n" + "\n".join(problems))
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def compile_catalogue(po_path):
    """Return the bytes of the ``.mo`` the ``.po`` file at `po_path` compiles to (fuzzy translations left out)."""
    from babel.messages.pofile import read_po

    with open(po_path, "rb") as file:
        return _compiled(read_po(file))


def write_catalogues(root=ROOT):
    """Extract, update and compile the catalogues under `root`; return the paths of the files that changed."""
    locale_dir = Path(root) / "casekit" / "locale"
    template = extract(root)
    changed = _write(locale_dir / TEMPLATE.name, _po_text(template, template=True).encode("utf-8"))
    for code in [code for code in LANGUAGES if code != "en"]:
        po_path = catalogue_path(code, locale_dir=locale_dir)
        changed += _write(po_path, _po_text(_updated(template, code, po_path)).encode("utf-8"))
        changed += _write(po_path.with_suffix(".mo"), compile_catalogue(po_path))
    return changed


def _write(path, content):
    """Write `content` to `path` if it differs; return ``[path]`` if it was written, else ``[]``."""
    if path.exists() and path.read_bytes() == content:
        return []
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return [path]

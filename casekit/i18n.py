"""The language of the texts the code writes: mark them with ``_()``, pick the language with :func:`set_language`.

Every sentence the kit's code writes for a person (the apps, the
explanations, the citizen's letter, the model card, the checks' feedback, the
charts' labels) goes through :func:`_` (or :func:`ngettext` where a number
decides the form). :func:`_` looks the English text up in the catalogue of
the chosen language, ``casekit/locale/<code>/LC_MESSAGES/casekit.mo``, read
with the standard library's :mod:`gettext`; a text the catalogue does not
translate, or a language without a catalogue, stays English. A text stored in
a constant is marked with :func:`N_` where it is written and translated with
:func:`_` where it is shown.

The content files carry their own translations beside the English (``X_da``
fields, ``casekit/content/README.md``). ``make catalog`` (Babel, a test
tool) extracts the marked texts to ``casekit/locale/casekit.pot`` and updates
and compiles each language's catalogue; reading a catalogue needs no Babel.

Examples
--------
>>> set_language("da")
>>> language()
'da'
>>> _("not flagged")  # from casekit/locale/da/LC_MESSAGES/casekit.mo
'ikke markeret'
>>> ngettext("{n} citizen", "{n} citizens", 2).format(n=2)
'2 citizens'
>>> set_language("en")
"""

import gettext
from importlib.resources import files
from pathlib import Path

#: The languages the kit can speak: English, the language every text is written in, and Danish.
#: A content file's translation fields and the catalogues in ``casekit/locale/`` use these codes.
LANGUAGES = ("en", "da")

#: The gettext domain: the catalogues are ``<code>/LC_MESSAGES/casekit.mo``.
DOMAIN = "casekit"

_current = {"language": "en", "translations": gettext.NullTranslations()}


def set_language(code, *, localedir=None):
    """Speak `code` from now on: every text the code writes next is looked up in that language's catalogue.

    Parameters
    ----------
    code : {"en", "da"}
        One of :data:`LANGUAGES`.
    localedir : str or path, optional
        A folder holding ``<code>/LC_MESSAGES/casekit.mo``; the catalogues
        shipped in ``casekit/locale/`` by default (try a new translation
        without installing it).

    Examples
    --------
    >>> set_language("fr")
    Traceback (most recent call last):
    ...
    ValueError: `code` must be one of ['en', 'da'], but 'fr' was passed.
    >>> language()
    'en'
    """
    # The message check_choice (casekit._validation) would give; this module imports no other, so that any may use it.
    if code not in LANGUAGES:
        raise ValueError(f"`code` must be one of {list(LANGUAGES)}, but {code!r} was passed.")
    _current.update(language=code, translations=_catalogue(code, localedir))


def language():
    """Return the code of the language the kit speaks now, ``"en"`` unless :func:`set_language` changed it.

    Examples
    --------
    >>> language()
    'en'
    """
    return _current["language"]


def _catalogue(code, localedir):
    """The translations of `code`: its compiled catalogue, or none (English) where there is none."""
    if code == "en":
        return gettext.NullTranslations()
    folder = files("casekit") / "locale" if localedir is None else Path(localedir)
    try:
        with (folder / code / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as compiled:
            return gettext.GNUTranslations(compiled)
    except FileNotFoundError:
        return gettext.NullTranslations()


def _(message):
    """Return `message` (an English text, marked for the catalogue) in the current language.

    Put placeholders in the text and fill them after translating, so that a
    translator sees the whole sentence: ``_("{n} of {total} done.").format(n=n, total=total)``.

    Examples
    --------
    >>> _("{done} of {total} done.").format(done=1, total=3)
    '1 of 3 done.'
    """
    return _current["translations"].gettext(message)


def ngettext(singular, plural, n):
    """Return the form of a text that fits the number `n`, in the current language.

    Examples
    --------
    >>> ngettext("{n} was still unemployed", "{n} were still unemployed", 1).format(n=1)
    '1 was still unemployed'
    """
    return _current["translations"].ngettext(singular, plural, n)


def N_(message):
    """Mark `message` for the catalogue without translating it yet (for texts kept in constants).

    The text is translated where it is shown, with ``_(text)``.

    Examples
    --------
    >>> N_("the borderline cases")
    'the borderline cases'
    """
    return message

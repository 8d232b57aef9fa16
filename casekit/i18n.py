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
fields, ``casekit/content/README.md``). ``make catalog`` (Babel) extracts
the marked texts to ``casekit/locale/casekit.pot`` and updates and compiles
each language's catalogue.

Numbers, percentages and dates inside a text are written by :func:`number`,
:func:`percent` and :func:`date`, the way the current language writes them
(Babel's locale data: ``1,774`` and ``88.7%`` in English, ``1.774`` and
``88,7 %`` in Danish), and filled into a placeholder:
``_("{n} of {total} done.").format(n=number(n), total=number(total))``.
The numbers themselves are the same in every language: each helper rounds
as Python's format specs do.

A server picks the language with the environment variable
``CASEKIT_LANGUAGE`` (``CASEKIT_LANGUAGE=da voila ...``), read when the kit is
imported; a code that is not in :data:`LANGUAGES` gives a warning naming
those that are, and the kit speaks English.

Examples
--------
>>> set_language("da")
>>> language()
'da'
>>> _("not flagged")  # from casekit/locale/da/LC_MESSAGES/casekit.mo
'ikke markeret'
>>> ngettext("{n} citizen", "{n} citizens", 2).format(n=2)
'2 citizens'
>>> number(1774), percent(0.887), date(datetime.date(2019, 5, 3))
('1.774', '88,7 %', '3. maj 2019')
>>> set_language("en")
>>> number(1774), percent(0.887), date(datetime.date(2019, 5, 3))
('1,774', '88.7%', '3 May 2019')
"""

import datetime
import gettext
import math
import numbers
import os
import warnings
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

#: The languages the kit can speak: English, the language every text is written in, and Danish.
#: A content file's translation fields and the catalogues in ``casekit/locale/`` use these codes.
LANGUAGES = ("en", "da")

#: The Babel locale whose conventions each language's numbers and dates follow. The kit's English is
#: British ("job centre"): "3 May 2019"; its numbers are written as in any English ("1,774", "88.7%").
LOCALES = {"en": "en_GB", "da": "da_DK"}

#: The environment variable a server sets to choose the language at import, e.g. ``CASEKIT_LANGUAGE=da``.
ENVIRONMENT_VARIABLE = "CASEKIT_LANGUAGE"

#: Enough significant digits for any float written in full (the largest has 309 before the point).
_DIGITS = 400

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


def number(x, digits=0, *, grouping=True):
    """Write the number `x` as the current language writes it: ``1,774.5`` in English, ``1.774,5`` in Danish.

    Parameters
    ----------
    x : float or int
    digits : int or None, default 0
        Decimals, rounded as Python's ``f"{x:.{digits}f}"`` rounds (the same
        number in every language). None: as Python's ``g`` writes `x`, up to
        six significant digits and no trailing zeros (``2.5``, ``34``).
    grouping : bool, default True
        Separate the thousands in English ("1,774"); False for the English
        texts that have always written "1774". Danish always does ("1.774",
        as Danish writes four-digit numbers: "1.774 af 2.000").

    Examples
    --------
    >>> number(1774), number(6.43, 1), number(0.125, 2), number(2.5, None), number(1774, grouping=False)
    ('1,774', '6.4', '0.12', '2.5', '1774')
    >>> set_language("da")
    >>> number(1774), number(6.43, 1), number(0.125, 2), number(2.5, None), number(1774, grouping=False)
    ('1.774', '6,4', '0,12', '2,5', '1.774')
    >>> set_language("en")
    """
    whole = isinstance(x, numbers.Integral) and not isinstance(x, bool)
    x = int(x) if whole else float(x)  # a count is written exactly, however large (as "{:,}" writes it)
    if not whole and not math.isfinite(x):  # "nan", "inf" as Python writes them in English; "NaN", "∞" in Danish
        return f"{x}" if language() == "en" else format_decimal(x, locale=_locale())
    if digits is None:
        shown = f"{x:g}"
        if "e" in shown:  # 1e-05, 1.5e+06: far outside the kit's numbers; kept as Python writes them
            return shown
        return _decimal(Decimal(shown), "#,##0.###", grouping, exact=True)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return _decimal(Decimal(x), pattern, grouping)


def percent(share, digits=1, *, spaced=False):
    """Write `share` (0.887) as a percentage the way the current language does: ``88.7%``, Danish ``88,7 %``.

    Parameters
    ----------
    share : float
        A share between 0 and 1 (anything else is written all the same).
    digits : int, default 1
        Decimals of the percentage, rounded as ``f"{share:.{digits}%}"`` rounds.
    spaced : bool, default False
        A space before "%" in English too ("25 %"), as the kit's rates with
        their intervals are written. Danish always has one (Babel's Danish
        pattern ``#,##0 %``; the kit writes an ordinary space, not Babel's
        no-break space, so that a Danish text is searched and compared as
        the English one is).

    Examples
    --------
    >>> percent(0.887), percent(0.25, 0, spaced=True), percent(1 / 80)
    ('88.7%', '25 %', '1.2%')
    >>> set_language("da")
    >>> percent(0.887), percent(0.25, 0, spaced=True), percent(1 / 80)
    ('88,7 %', '25 %', '1,2 %')
    >>> set_language("en")
    """
    # Multiplied as Python's "%" format multiplies, so that it rounds alike.
    value = number(100 * float(share), digits, grouping=False)
    suffix = _percent_suffix().replace("\N{NO-BREAK SPACE}", " ")
    if spaced and not suffix.startswith(" "):
        suffix = " " + suffix
    return value + suffix


def date(day):
    """Write `day` as the current language writes a date in a text: ``3 May 2019``, Danish ``3. maj 2019``.

    Parameters
    ----------
    day : datetime.date, datetime.datetime or pandas.Timestamp

    Examples
    --------
    >>> date(datetime.date(2019, 5, 3))
    '3 May 2019'
    >>> set_language("da")
    >>> date(datetime.date(2019, 1, 28))
    '28. januar 2019'
    >>> set_language("en")
    >>> date("3 May 2019")
    Traceback (most recent call last):
    ...
    TypeError: `day` must be a date (datetime.date, datetime.datetime or pandas.Timestamp), but '3 May 2019' was passed.
    """
    if not isinstance(day, datetime.date):
        shown = repr(day) if isinstance(day, (str, int, float)) else f"a {type(day).__name__}"
        raise TypeError(
            f"`day` must be a date (datetime.date, datetime.datetime or pandas.Timestamp), but {shown} was passed."
        )
    return format_date(day, format="long", locale=_locale())


def _locale():
    """The Babel locale of the current language, read once."""
    return _babel_locale(LOCALES[language()])


@lru_cache
def _babel_locale(name):
    return Locale.parse(name)


def _decimal(value, pattern, grouping, *, exact=False):
    """`value` (a Decimal) written with the Babel `pattern` in the current language's symbols."""
    danish_or_grouped = grouping or language() != "en"
    # Every digit of a float (up to 1e308) kept, and ties to even as Python's format specs round.
    with localcontext(prec=_DIGITS, rounding=ROUND_HALF_EVEN):
        return format_decimal(
            value, format=pattern, locale=_locale(), decimal_quantization=not exact, group_separator=danish_or_grouped
        )


def _percent_suffix():
    """What follows the number in the current language's percent pattern: "%" in English, " %" in Danish."""
    return _locale().percent_formats[None].suffix[0]


def _from_environment():
    """Speak the language ``CASEKIT_LANGUAGE`` names, if it names one; warn and speak English if not."""
    code = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if not code:
        return
    if code not in LANGUAGES:
        warnings.warn(
            f"{ENVIRONMENT_VARIABLE} must be one of {list(LANGUAGES)}, but {code!r} was set; the kit speaks English.",
            stacklevel=2,
        )
        return
    set_language(code)


_from_environment()

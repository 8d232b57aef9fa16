"""Write the printables for teaching: role cards for the two role-plays and a one-page data-ethics checklist.

``python -m casekit.tools printables`` (or ``make printables``) writes them to
``docs/printables/`` as HTML to print (one card per half page, the checklist on
one A4 page) and as Markdown that reads well on GitHub. Both come from
:func:`casekit.case.role_cards` and :func:`casekit.ethics.principles`, so there
is one source. The role cards come in one section per role-play, each with its
own cast: a card knows only what its person knows at that episode.
"""

import html
from pathlib import Path

from casekit.case import ROLE_PLAYS, role_cards
from casekit.ethics import SOURCES, principles
from casekit.tools import ROOT

PRINTABLES_DIR = ROOT / "docs" / "printables"
_STYLE = """<style>
body { font-family: Georgia, serif; margin: 1.5cm; color: #111; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; } h3 { font-size: 1.05em; margin: 0 0 .3em; }
.play { page-break-before: always; } .play:first-of-type { page-break-before: auto; }
.card { border: 2px solid #333; border-radius: 8px; padding: .8em 1.1em; margin: 0 0 1em;
        height: 11.5cm; box-sizing: border-box; page-break-inside: avoid; }
.card ul { padding-left: 1.1em; margin: .4em 0; } .card li { margin: .25em 0; }
.role { font-style: italic; } .small { font-size: .85em; color: #444; }
table { border-collapse: collapse; width: 100%; font-size: .78em; }
td, th { border: 1px solid #999; padding: 3px 5px; vertical-align: top; text-align: left; }
@page { size: A4; margin: 1.2cm; }
</style>"""
#: The sentences of a card, in the order they are printed; each begins with "You".
CARD_FIELDS = ["task", "wants", "fears", "knows", "does_not_know"]
_KIT_ROLE = "Not in the case: the kit adds this role for the role-play."


def _heading(play):
    return ROLE_PLAYS[play]["title"][0].upper() + ROLE_PLAYS[play]["title"][1:]


def role_cards_html():
    """Return printable HTML: one section per role-play with its scene, then its cards, two to an A4 page."""
    sections = []
    for play, info in ROLE_PLAYS.items():
        cards = []
        for card in role_cards(play).itertuples():
            lines = "".join(f"<li>{html.escape(getattr(card, key))}</li>" for key in CARD_FIELDS)
            note = "" if card.in_the_case else f"<p class='small'>{html.escape(_KIT_ROLE)}</p>"
            cards.append(
                f"<div class='card'><h3>{html.escape(card.name)}</h3>"
                f"<div class='role'>{html.escape(card.role)}, {html.escape(card.unit)}</div>"
                f"<ul>{lines}</ul>{note}<p class='small'>Role-play: {html.escape(info['title'])}.</p></div>"
            )
        cast = ", ".join(role_cards(play)["name"])
        sections.append(
            f"<section class='play'><h2>{html.escape(_heading(play))}</h2>"
            f"<p>{html.escape(info['scene'])}</p>"
            f"<p class='small'><b>Not in the case:</b> {html.escape(info['not_in_the_case'])}</p>"
            f"<p class='small'>Cast: {html.escape(cast)}.</p>{''.join(cards)}</section>"
        )
    return _page("Role cards", "".join(sections))


def role_cards_markdown():
    """Return the same role cards as Markdown, one section per role-play."""
    lines = ["# Role cards", "", _source_note("Role cards"), ""]
    for play, info in ROLE_PLAYS.items():
        cards = role_cards(play)
        lines += [
            f"## {_heading(play)}",
            "",
            info["scene"],
            "",
            f"> **Not in the case:** {info['not_in_the_case']}",
            "",
            f"Cast: {', '.join(cards['name'])}.",
            "",
        ]
        for card in cards.itertuples():
            lines += [f"### {card.name}", "", f"*{card.role}, {card.unit}*", ""]
            lines += [f"- {getattr(card, key)}" for key in CARD_FIELDS] + [""]
            if not card.in_the_case:
                lines += ["> **" + _KIT_ROLE.replace(": ", ":** ", 1), ""]
    return "\n".join(lines)


def checklist_html():
    """Return the data-ethics checklist as printable HTML for one A4 page."""
    rows = "".join(
        f"<tr><td>{html.escape(p.source)} {p.number}</td><td><b>{html.escape(p.principle)}</b></td>"
        f"<td>{html.escape(p.question)}</td><td style='width:4.5em'>yes / partly / no</td></tr>"
        for p in principles().itertuples()
    )
    body = (
        "<p>Score a data project against the principles of three Danish public bodies, restated in plain "
        "words. For each question: yes, partly or no, and note why.</p>"
        "<table><tr><th>source</th><th>principle</th><th>question to ask of the project</th><th>score</th></tr>"
        f"{rows}</table><p class='small'>Sources: {'; '.join(SOURCES.values())}.</p>"
    )
    return _page("Data-ethics checklist", body)


def checklist_markdown():
    """Return the data-ethics checklist as Markdown."""
    lines = [
        "# Data-ethics checklist",
        "",
        _source_note("Data-ethics checklist"),
        "",
        "| source | principle | question to ask of the project | yes / partly / no |",
        "|---|---|---|---|",
    ]
    lines += [f"| {p.source} {p.number} | **{p.principle}** | {p.question} | |" for p in principles().itertuples()]
    lines += ["", "Sources: " + "; ".join(SOURCES.values()) + "."]
    return "\n".join(lines)


def _page(title, body):
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{_STYLE}</head>"
        f"<body><h1>{title}</h1><p class='small'>{html.escape(_source_note(title))}</p>{body}</body></html>\n"
    )


_NOTES = {
    "Role cards": "Generated by python -m casekit.tools printables from casekit.case.role_cards. The people are from "
    "Røhl & Elmholdt (2019); their wants, fears and knowledge are the kit's reading of the case, "
    "each as it stands at the episode of the role-play.",
    "Data-ethics checklist": "Generated by python -m casekit.tools printables from casekit.ethics: the principles are "
    "restated in the kit's own words.",
}


def _source_note(title):
    return _NOTES[title]


def write_printables(directory=PRINTABLES_DIR):
    """Write the role cards and the checklist as HTML and Markdown into `directory`.

    Returns
    -------
    list of pathlib.Path

    Examples
    --------
    >>> import tempfile
    >>> sorted(p.name for p in write_printables(tempfile.mkdtemp()))
    ['ethics_checklist.html', 'ethics_checklist.md', 'role_cards.html', 'role_cards.md']
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    documents = {
        "role_cards.html": role_cards_html(),
        "role_cards.md": role_cards_markdown() + "\n",
        "ethics_checklist.html": checklist_html(),
        "ethics_checklist.md": checklist_markdown() + "\n",
    }
    for name, text in documents.items():
        (directory / name).write_text(text, encoding="utf-8")
    return [directory / name for name in documents]

"""The printed role cards: one section per role-play, each with its own cast and only its own cards."""

import re

from casekit.case import ROLE_PLAYS, casts, role_cards
from casekit.tools.printables import role_cards_html, role_cards_markdown


def _sections(markdown):
    parts = re.split(r"^## ", markdown, flags=re.MULTILINE)[1:]
    return {part.splitlines()[0]: part for part in parts}


def test_the_markdown_has_one_section_per_role_play_with_its_cast_only():
    sections = _sections(role_cards_markdown())
    assert len(sections) == len(ROLE_PLAYS)
    for (play, info), (heading, text) in zip(ROLE_PLAYS.items(), sections.items(), strict=True):
        assert heading.lower() == info["title"].lower()
        assert re.findall(r"^### (.+)$", text, flags=re.MULTILINE) == casts()[play]
        assert f"Cast: {', '.join(casts()[play])}." in text
        assert "> **Not in the case:**" in text


def test_lars_has_no_card_at_the_introduction_meeting():
    introduction = _sections(role_cards_markdown())["The introduction meeting for staff (episode 4)"]
    assert "### Lars" not in introduction and "### Laila Bernsgaard" in introduction


def test_a_role_the_kit_adds_is_marked_on_its_card():
    markdown = role_cards_markdown()
    for name in role_cards().loc[lambda c: ~c["in_the_case"], "name"]:
        card = markdown.split(f"### {name}\n", 1)[1].split("\n### ", 1)[0]
        assert "> **Not in the case:** the kit adds this role" in card


def test_the_html_prints_each_role_play_on_its_own_pages():
    page = role_cards_html()
    assert page.count("<section class='play'>") == len(ROLE_PLAYS)
    assert page.count("<div class='card'>") == len(role_cards())

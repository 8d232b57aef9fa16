import matplotlib

matplotlib.use("Agg")

import re

import pandas as pd
import pytest

from casekit.case import (
    KOTTER_STEPS,
    LEAK_ARTICLE,
    LEWIN_STAGES,
    RACI_TASKS,
    ROLE_PLAYS,
    casts,
    failures,
    people,
    plot_stakeholders,
    plot_timeline,
    raci_problems,
    raci_template,
    role_cards,
    stakeholders,
    timeline,
)

CARD_SENTENCES = {
    "task": "You ",
    "wants": "You want",
    "fears": "You fear",
    "knows": "You know",
    "does_not_know": "You do not know",
}
# Words an episode-4 card must not contain: what its people learn only later (the delayed start, the stolen
# computers and the leak, the union's letter, the pause).
LATER = re.compile(
    r"\b(?:stole|stolen|steal\w*|theft|thie\w+|leak\w*|break-in|vendor|supplier|inviso|late|"
    r"delay\w*|postpon\w*|slip\w*|five weeks|union|socialrådgiver\w*|ombudsman|paus\w*|"
    r"newspaper\w*|press|headlines?)\b",
    re.IGNORECASE,
)


def test_the_people_of_the_case_are_all_there_once():
    cast = people()
    for name in (
        "Amin Roble",
        "Rasmus Andersen",
        "Berit Johannesen",
        "Laila Bernsgaard",
        "Lars Schütze",
        "Ebbe Nielsen",
        "Tina S. Mortensen",
        "Arne Robieros",
        "Valery Plavkovic",
        "Torben Juelsgaard",
        "Inge Reitov",
        "Majbritt Herlev Nielsen",
    ):
        assert name in cast["name"].tolist()
    assert cast["name"].is_unique
    assert cast[["role", "unit", "wants", "worries"]].map(len).gt(5).all().all()


def test_the_timeline_runs_in_order_with_the_three_dates_the_case_gives():
    events = timeline()
    assert events["date"].is_monotonic_increasing
    exact = events.loc[events["exact"], "date"].dt.date.astype(str).tolist()
    assert exact == ["2019-01-23", "2019-01-28", "2019-05-03"]
    assert events["part"].iloc[0] == "Prelude" and events["part"].iloc[-1] == "Episode 9"


def test_the_timeline_plot_marks_reconstructed_dates_hollow():
    ax = plot_timeline()
    assert [t.get_text() for t in ax.texts] == timeline()["event"].tolist()
    faces = ax.collections[0].get_facecolors()
    hollow = [tuple(face) == (1.0, 1.0, 1.0, 1.0) for face in faces]
    assert hollow == (~timeline()["exact"]).tolist()


def test_an_empty_raci_chart_lacks_an_owner_for_every_task():
    problems = raci_problems(raci_template())
    assert len(problems) == 2 * len(RACI_TASKS)
    assert all("nobody" in line for line in problems)


def test_a_sound_raci_chart_has_no_problems():
    chart = raci_template()
    chart["Amin"] = "A"
    chart["Berit"] = "R"
    assert raci_problems(chart) == []


def test_raci_problems_name_two_owners_and_stray_letters():
    chart = raci_template()
    chart["Amin"] = "A"
    chart["Berit"] = "R"
    chart.loc[RACI_TASKS[0], "Laila"] = "a"
    chart.loc[RACI_TASKS[1], "Lars"] = "X"
    problems = raci_problems(chart)
    assert problems == [
        f"{RACI_TASKS[0]!r}: 2 people are accountable; there should be exactly one.",
        f"{RACI_TASKS[1]!r}: cells must be R, A, C, I or empty, but ['X'] was used.",
    ]


def test_raci_problems_want_a_table():
    with pytest.raises(TypeError, match=r"`chart` must be a pandas DataFrame"):
        raci_problems([["A", "R"]])


def test_failures_sit_on_real_kotter_steps_and_lewin_stages():
    table = failures()
    assert table["kotter_step"].between(1, 8).all()
    assert (table["kotter"] == [KOTTER_STEPS[s - 1] for s in table["kotter_step"]]).all()
    assert set(table["lewin"]) <= set(LEWIN_STAGES)
    assert set(table["part"]) <= set(timeline()["part"])


def test_stakeholders_are_the_people_with_power_and_interest():
    stakes = stakeholders()
    assert stakes["name"].tolist() == people()["name"].tolist()
    assert stakes[["power", "interest"]].isin(range(1, 6)).all().all()


def test_the_stakeholder_map_labels_everyone_without_overlap():
    ax = plot_stakeholders()
    names = [t for t in ax.texts if t.get_text() in set(people()["name"])]
    assert len(names) == len(people())
    positions = {(t.xy, t.xyann) for t in names}
    assert len(positions) == len(names)


def test_lars_is_not_at_the_introduction_meeting():
    assert "Lars Schütze" not in casts()["introduction meeting"]
    assert "introduction meeting" not in people().set_index("name").loc["Lars Schütze", "role_plays"]


def test_each_cast_has_the_people_the_case_puts_there():
    cast = casts()
    assert {
        "Laila Bernsgaard",
        "Amin Roble",
        "Rasmus Andersen",
        "Berit Johannesen",
        "Arne Robieros",
        "Valery Plavkovic",
    } <= set(cast["introduction meeting"])
    assert {"Amin Roble", "Inge Reitov", "Laila Bernsgaard", "Majbritt Herlev Nielsen"} <= set(cast["union reply"])
    assert list(cast) == list(ROLE_PLAYS)
    assert all(pd.Series(names).is_unique for names in cast.values())


def test_only_the_roles_the_kit_adds_are_outside_the_case():
    cards = role_cards()
    case_people = set(people()["name"])
    assert set(cards.loc[cards["in_the_case"], "name"]) <= case_people
    assert not set(cards.loc[~cards["in_the_case"], "name"]) & case_people
    assert cards.loc[~cards["in_the_case"], "name"].tolist() == ["a younger caseworker"]


@pytest.mark.parametrize("column", ["role", "unit", *CARD_SENTENCES])
def test_no_episode_4_card_knows_what_happens_later(column):
    cards = role_cards("introduction meeting")
    found = {
        name: LATER.findall(text) for name, text in zip(cards["name"], cards[column], strict=True) if LATER.search(text)
    }
    assert found == {}


def test_the_later_words_are_caught_where_they_belong():
    later = " ".join(role_cards("union reply")[list(CARD_SENTENCES)].to_numpy().ravel())
    assert {"stolen", "union"} <= {word.lower() for word in LATER.findall(later)}


@pytest.mark.parametrize("column", list(CARD_SENTENCES))
def test_every_card_speaks_to_the_player_in_the_second_person(column):
    for name, text in zip(role_cards()["name"], role_cards()[column], strict=True):
        assert text.startswith(CARD_SENTENCES[column]), (name, text)
        sentences = re.split(r"(?<=[.!?])\s+", text.strip())
        assert all(sentence.startswith("You ") for sentence in sentences), (name, text)
        assert text.endswith("."), (name, text)


def test_cards_and_people_quote_no_dialogue():
    texts = [*role_cards().drop(columns="in_the_case").to_numpy().ravel(), *people().to_numpy().ravel()]
    assert [text for text in texts if re.search(r'["«»“”]', text)] == []


def test_the_role_plays_in_people_agree_with_the_casts():
    cast = casts()
    for name, plays in zip(people()["name"], people()["role_plays"], strict=True):
        listed = [] if plays == "none" else [play.strip() for play in plays.split(",")]
        assert listed == [play for play in ROLE_PLAYS if name in cast[play]], name
    assert people().set_index("name").loc["Tina S. Mortensen", "role_plays"] == "none"


def test_role_cards_name_the_role_plays_they_know():
    with pytest.raises(
        ValueError,
        match=r"`role_play` must be one of \['introduction meeting', 'union reply'\], "
        r"but 'union' was passed",
    ):
        role_cards("union")


def test_the_timeline_says_which_dates_are_reconstructed():
    assert "reconstructed" in timeline.__doc__
    events = timeline()
    assert events.loc[~events["exact"]].shape[0] == len(events) - 3
    assert events["event"].str.len().max() <= 90, "long labels run off the plot"


def test_the_appendix_article_is_dated_before_the_board_meeting_but_told_after_it():
    events = timeline()
    board = events.loc[events["event"].str.contains("board of directors"), "date"].iloc[0]
    told = events.loc[events["part"] == LEAK_ARTICLE["story_part"], "date"].min()
    assert pd.Timestamp(LEAK_ARTICLE["printed_date"]) < board < told
    assert "12 December 2018" in LEAK_ARTICLE["note"] and "LEAK_ARTICLE" in timeline.__doc__


def test_the_events_keep_the_words_the_exercises_look_up():
    events = timeline()
    for part, words in [
        ("Episode 1", "board of directors"),
        ("Episode 1", "minutes"),
        ("Episode 9", "union"),
        ("Episode 9", "paused"),
    ]:
        assert events.loc[events["part"] == part, "event"].str.contains(words, case=False).sum() == 1, words


def test_the_example_plan_serves_every_kotter_step_and_every_principle():
    from casekit.case import check_plan, example_plan

    check = check_plan(example_plan())
    assert check["codes that are not principles"] == "none"
    assert check["Kotter steps not served"].startswith("none")
    assert check["principles served"] == "14 of 14; not yet: none" and check["Kotter's order"] == "kept"


def test_leaving_out_the_bias_audit_leaves_a_principle_unserved():
    from casekit.case import check_plan, example_plan

    assert check_plan(example_plan(), leave_out=[4])["principles served"] == "13 of 14; not yet: Ministry 1"


def test_check_plan_names_a_step_that_does_not_exist_and_a_code_that_is_not_a_principle():
    from casekit.case import check_plan, example_plan

    with pytest.raises(ValueError, match=r"`leave_out` must hold step numbers of the plan, \[1, 2, .*but 0 was passed"):
        check_plan(example_plan(), leave_out=[0])
    plan = example_plan()
    plan.loc[1, "principle"] = "KL 9"
    assert check_plan(plan)["codes that are not principles"] == "KL 9"


def test_the_failure_charts_count_every_failure():
    from casekit.case import failures, plot_failures, plot_swimlane

    left, right = plot_failures()
    assert sum(p.get_width() for p in left.patches) == len(failures())
    assert sum(p.get_height() for p in right.patches) == len(failures())
    assert sum(len(c.get_offsets()) for c in plot_swimlane().collections) == len(failures())


def test_a_card_takes_its_name_role_and_unit_from_its_person():
    cast = people().set_index("name")
    cards = role_cards()
    in_case = cards[cards["in_the_case"]]
    assert (in_case[["role", "unit"]].to_numpy() == cast.loc[in_case["name"], ["role", "unit"]].to_numpy()).all()
    assert cards.loc[~cards["in_the_case"], "name"].tolist() == ["a younger caseworker"]

import matplotlib

matplotlib.use("Agg")

import pytest

from casekit.case import (KOTTER_STEPS, LEWIN_STAGES, RACI_TASKS, failures, people, plot_stakeholders, plot_timeline,
                          raci_problems, raci_template, stakeholders, timeline)


def test_the_people_of_the_case_are_all_there_once():
    cast = people()
    for name in ("Amin Roble", "Rasmus Andersen", "Berit Johannesen", "Laila Bernsgaard", "Lars Schütze",
                 "Ebbe Nielsen", "Tina S. Mortensen", "Arne Robieros", "Valery Plavkovic", "Torben Juelsgaard",
                 "Inge Reitov", "Majbritt Herlev Nielsen"):
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
    assert problems == [f"{RACI_TASKS[0]!r}: 2 people are accountable; there should be exactly one.",
                        f"{RACI_TASKS[1]!r}: cells must be R, A, C, I or empty, but ['X'] was used."]


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

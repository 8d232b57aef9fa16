import re

import pytest

from casekit.workload import INTERVIEW_MINUTES, PROCESS_FORM, check_form, process_consequences, workload

MINIMAL = {
    "when": "after the interview",
    "who_sees": "the caseworker",
    "written_in_fasit": False,
    "citizen_told": False,
}


def test_workload_adds_up_minutes_for_every_citizen():
    hours = workload(
        caseworkers=10,
        citizens_per_year=600,
        lookup_minutes=3,
        note_minutes=2,
        explain_minutes=10,
        citizens_explained=60,
        hours_per_caseworker=1000,
    )
    assert hours["hours_per_year"] == (600 * 5 + 60 * 10) / 60
    assert hours["hours_per_caseworker"] == hours["hours_per_year"] / 10
    assert hours["share_of_working_time"] == hours["hours_per_caseworker"] / 1000
    assert hours["interviews_less_per_caseworker"] == hours["hours_per_caseworker"] * 60 / INTERVIEW_MINUTES


def test_writing_into_fasit_puts_every_wrong_flag_into_a_case_file(model, test_part):
    written = process_consequences({**MINIMAL, "written_in_fasit": True}, model, test_part)
    wrong = ((model.predict(test_part) == 1) & (test_part["unemployed_12m"] == 0)).sum()
    assert written["wrong_flags_in_case_files"] == wrong * 2000 / len(test_part)
    assert written["scores_written_into_case_files"] == 2000
    assert process_consequences(MINIMAL, model, test_part)["wrong_flags_in_case_files"] == 0


def test_telling_citizens_costs_time_and_tells_the_wrongly_flagged_too(model, test_part):
    quiet = process_consequences(MINIMAL, model, test_part)
    told = process_consequences({**MINIMAL, "citizen_told": True}, model, test_part)
    flagged = model.predict(test_part).sum() * 2000 / len(test_part)
    assert told["citizens_told_they_are_flagged"] == pytest.approx(flagged)
    assert told["hours_per_year"] - quiet["hours_per_year"] == pytest.approx(flagged * 10 / 60)
    assert told["citizens_wrongly_told_they_are_at_risk"] > 0 == quiet["citizens_wrongly_told_they_are_at_risk"]


def test_a_lookup_during_the_interview_takes_time_from_the_conversation(model, test_part):
    during = process_consequences({**MINIMAL, "when": "during the interview"}, model, test_part)
    assert during["minutes_taken_from_conversations"] == 2 * 2000
    assert process_consequences(MINIMAL, model, test_part)["minutes_taken_from_conversations"] == 0


def test_the_form_names_a_wrong_answer_and_the_allowed_ones():
    with pytest.raises(ValueError, match=r"`form\['when'\]` must be one of \['before the interview'.*\], but 'never'"):
        check_form({**MINIMAL, "when": "never"})


def test_the_form_names_a_missing_question():
    with pytest.raises(ValueError, match=r"`form` must answer .*, but \['citizen_told'\] is missing"):
        check_form({key: MINIMAL[key] for key in ("when", "who_sees", "written_in_fasit")})
    assert set(PROCESS_FORM) == set(MINIMAL)


def test_the_form_wants_true_or_false_not_one_or_zero():
    with pytest.raises(ValueError, match=r"`form\['citizen_told'\]` must be one of \[True, False\], but 1 was passed"):
        check_form({**MINIMAL, "citizen_told": 1})


def test_compare_assumptions_is_workload_row_by_row():
    from casekit.workload import compare_assumptions

    table = compare_assumptions({"defaults": {}, "careful": {"lookup_minutes": 5, "note_minutes": 10}})
    assert table.loc["careful", "hours_per_year"] == workload(lookup_minutes=5, note_minutes=10)["hours_per_year"]
    assert table.loc["defaults", "percent_of_working_time"] == pytest.approx(100 * workload()["share_of_working_time"])
    with pytest.raises(
        ValueError, match=r"`assumptions\['x'\] key` must be one of \[.*'lookup_minutes'.*'lookup_minute'"
    ):
        compare_assumptions({"x": {"lookup_minute": 3}})


def test_compare_forms_is_process_consequences_form_by_form(model, test_part):
    from casekit.workload import compare_forms

    table = compare_forms({"minimal": MINIMAL}, model, test_part)
    expected = process_consequences(MINIMAL, model, test_part)
    assert table.loc["hours_per_caseworker", "minimal"] == expected["hours_per_caseworker"]
    assert table.loc["percent_of_working_time", "minimal"] == pytest.approx(100 * expected["share_of_working_time"])
    with pytest.raises(ValueError, match=r"`form\['when'\]` must be one of"):
        compare_forms({"bad": {**MINIMAL, "when": "at lunch"}}, model, test_part)


def test_wrong_flags_in_files_counts_as_plain_pandas_does(model, test_part):
    from casekit.workload import wrong_flags_in_files

    table = wrong_flags_in_files(model, test_part, by="estate")
    estate = test_part["district"] == "Lyngtoften"
    wrong = (model.predict(test_part) == 1) & (test_part["unemployed_12m"] == 0)
    assert table.loc["Lyngtoften", "wrong_flags"] == (wrong & estate).sum()
    assert table.loc["Lyngtoften", "citizens"] == estate.sum()
    assert table.loc["Lyngtoften", "per_citizen_who_found_work"] == "25 % (17–36 %), 19 of 75"
    with pytest.raises(ValueError, match=r"`by` must be one of the columns"):
        wrong_flags_in_files(model, test_part, by="estat")


@pytest.mark.parametrize("wrong", ["2", -1, True])
def test_workload_names_the_minutes_that_are_not_a_number(wrong):
    with pytest.raises(ValueError, match=r"`lookup_minutes` must be a number, 0 or more"):
        workload(lookup_minutes=wrong)


# ---------------------------------------------------------------- no negative people or hours, no zero divisors

NUMBERS_OF_WORKLOAD = ["lookup_minutes", "note_minutes", "explain_minutes", "citizens_explained"]


@pytest.mark.parametrize("name", NUMBERS_OF_WORKLOAD + ["hours_per_caseworker"])
@pytest.mark.parametrize("wrong", [-2, float("nan"), float("inf"), "5", None])
def test_every_amount_of_workload_must_be_a_number_zero_or_more(name, wrong):
    shown = re.escape(repr(wrong))
    with pytest.raises(ValueError, match=rf"`{name}` must be a number, (0 or more|more than 0).*but {shown}"):
        workload(**{name: wrong})


@pytest.mark.parametrize("name", ["caseworkers", "citizens_per_year"])
@pytest.mark.parametrize("wrong", [-2000, 0, 2.5, float("nan"), "20"])
def test_people_in_the_workload_are_whole_numbers_of_at_least_one(name, wrong):
    shown = re.escape(repr(wrong))
    with pytest.raises(ValueError, match=rf"`{name}` must be a whole number of at least 1, but {shown}"):
        workload(**{name: wrong})


def test_no_working_hours_is_refused_rather_than_divided_by():
    with pytest.raises(ValueError, match=r"`hours_per_caseworker` must be a number, more than 0 .*but 0 was passed"):
        workload(hours_per_caseworker=0)


def test_zero_minutes_cost_no_time():
    free = workload(lookup_minutes=0, note_minutes=0)
    assert free["hours_per_year"] == 0 == free["interviews_less_per_caseworker"]


def test_compare_assumptions_names_the_set_with_the_wrong_number():
    from casekit.workload import compare_assumptions

    with pytest.raises(ValueError, match=r"In `assumptions\['hurried'\]`: `note_minutes` must be a number, 0 or more"):
        compare_assumptions({"defaults": {}, "hurried": {"note_minutes": -1}})


@pytest.mark.parametrize(("name", "wrong"), [("caseworkers", 0), ("citizens_per_year", -2000), ("threshold", 1.5)])
def test_process_consequences_refuses_impossible_numbers(model, test_part, name, wrong):
    with pytest.raises(ValueError, match=rf"`{name}` must be .*{re.escape(repr(wrong))} was passed"):
        process_consequences(MINIMAL, model, test_part, **{name: wrong})


def test_wrong_flags_in_files_needs_known_outcomes(model, test_part):
    from casekit.workload import wrong_flags_in_files

    with pytest.raises(ValueError, match=r"`citizens\['unemployed_12m'\]` must .*0.*1.*, but .*nan"):
        wrong_flags_in_files(model, test_part.assign(unemployed_12m=float("nan")))

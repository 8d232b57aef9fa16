"""Property tests: fed random citizens and settings, each public function gives a kit error or a sound result.

Hypothesis draws samples of the pilot test citizens and settings for each function. In most draws everything
is valid; in the others exactly one thing is spoiled as a careless user might spoil it: the citizens (a
district in lower case or with an invisible space, ages of -40 or 10**9, a target of 2, "yes" or NaN, an
unknown education, a duplicated row, a missing column) or one argument (negative, zero, NaN, huge, text). A
frame read back with plain ``pd.read_csv`` counts as valid: it must simply work.

Every call must either raise a kit error (a ValueError or TypeError whose message names an argument in
backticks) or return a result that keeps the function's documented promises: rates in [0, 1], counts that
add up, no negative people or hours. A result for citizens outside the codebook is a silent wrong answer,
and fails. The draws are derandomised: the same examples on every run and in CI. Run with
``--hypothesis-show-statistics`` to see how often each test took each way out.
"""

import io
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

import casekit
from casekit.codebook import CATEGORIES, DISTRICTS
from casekit.model import PILOT_FEATURES, TARGET

# No shrinking: a failure is reported as drawn (the recipe is short to read), not after minutes of search.
PROPERTY = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    report_multiple_bugs=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# ---------------------------------------------------------------- what Hypothesis draws

#: Values a careless user might put into a column: some valid, most not.
SPOILS = {
    "district": ["lyngtoften", "Vestbyen\u200b", "Atlantis", "", None, "Havnen"],
    "age": [-40, 0, 17, 65, 10**9, None, 18, 64],
    TARGET: [2, -1, None, "yes", True],
    "education": [None, "PhD", "primary school"],
    "gender": ["x", None, "female"],
    "years_employed_5y": [None, -1.0, 9.5, 2.5],
}
SPOIL = st.one_of(
    *[st.tuples(st.just(c), st.sampled_from(v), st.sampled_from(["one", "half", "all"])) for c, v in SPOILS.items()]
)
_RECIPE = {"n": st.integers(1, 150), "seed": st.integers(0, 10_000), "plain_csv": st.booleans()}
#: Recipes for citizens (:func:`cook` makes them; Hypothesis prints the recipe of a failing example).
CLEAN = st.fixed_dictionaries(
    {**_RECIPE, "spoils": st.just([]), "duplicate_row": st.sampled_from([False, False, True]), "drop": st.none()}
)
SPOILED = st.fixed_dictionaries(
    {
        **_RECIPE,
        "spoils": st.lists(SPOIL, min_size=1, max_size=2),
        "duplicate_row": st.booleans(),
        "drop": st.sampled_from([None, None, None, "district", "age", TARGET, "education", "citizen_id"]),
    }
)
WEIRD = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**12), 10**12),
    st.text(max_size=3),
    st.none(),
    st.booleans(),
)
THRESHOLD = (st.floats(0, 1), st.one_of(st.sampled_from([-0.1, 1.5, 50, math.nan, math.inf, "0.5", None, True]), WEIRD))
CASEWORKERS = (st.integers(1, 100), st.sampled_from([0, -3, 2.5, math.nan, "20", None, True]))
CITIZENS_PER_YEAR = (st.integers(1, 10_000), st.sampled_from([0, -2000, 2000.5, math.nan, "2000", None]))
BY = (
    st.sampled_from(["district", "estate", "age_band", "gender", "education", "origin", "household"]),
    st.sampled_from(["Gender", "postcode", 3, None, ["district"]]),
)


def one_spoiled(spoilable, *, citizens=True):
    """Draw ``(recipe, arguments)``: all valid, or exactly one thing spoiled (the citizens or one argument).

    `spoilable` maps each argument to ``(valid values, spoiled values)``, two strategies.
    """
    choices = [None] * max(2, len(spoilable)) + [*(["citizens"] if citizens else []), *spoilable]

    def draw(spoiled):
        arguments = {name: pair[spoiled == name] for name, pair in spoilable.items()}
        recipe = SPOILED if spoiled == "citizens" else CLEAN
        return st.tuples(recipe if citizens else st.none(), st.fixed_dictionaries(arguments))

    return st.sampled_from(choices).flatmap(draw)


def cook(source, recipe):
    """Return the citizens `recipe` describes: a sample of `source`, spoiled as it says."""
    frame = source.sample(recipe["n"], random_state=recipe["seed"])
    for column, value, rows in recipe["spoils"]:
        chosen = {"one": frame.index[:1], "half": frame.index[::2], "all": frame.index}[rows]
        frame[column] = frame[column].astype(object)
        frame.loc[chosen, column] = value
    if recipe["duplicate_row"]:
        frame = pd.concat([frame, frame.iloc[:1]])
    if recipe["plain_csv"]:
        frame = pd.read_csv(io.StringIO(frame.to_csv(index=False)))
    if recipe["drop"] is not None:
        frame = frame.drop(columns=recipe["drop"])
    return frame


# ---------------------------------------------------------------- what counts as a kit error, and as valid citizens


def kit_result(call, *names):
    """Return ``call()``, or None if it raised a kit error naming one of `names`; any other error fails."""
    try:
        result = call()
    except (ValueError, TypeError) as error:
        pattern = "`(" + "|".join(re.escape(name) for name in names) + r")(\[[^`]*\])?( key)?`"
        assert re.search(pattern, str(error)), f"not a kit message ({type(error).__name__}): {error}"
        event("a kit error")  # --hypothesis-show-statistics counts how often each way out was taken
        return None
    event("a result")
    return result


def spoiled(frame, *, outcome=True, ids=False):
    """Name what in `frame` is outside the codebook: a function that returns a result for it answers wrongly."""
    found = [
        column
        for column in ["district", "gender"]
        if column in frame and not frame[column].isin(CATEGORIES[column]).all()
    ]
    if (
        "education" in frame
        and not (frame["education"].isin(CATEGORIES["education"]) | frame["education"].isna()).all()
    ):
        found.append("education")
    for column, low, high in [("age", 18, 64), ("years_employed_5y", 0, 5)]:
        if column in frame and not pd.to_numeric(frame[column], errors="coerce").between(low, high).all():
            found.append(column)
    if outcome and TARGET in frame:
        values = frame[TARGET]
        if not (values.isin([0, 1]) & values.map(lambda v: not isinstance(v, (bool, str)))).all():
            found.append(TARGET)
    if ids and "citizen_id" in frame and frame["citizen_id"].duplicated().any():
        found.append("citizen_id (duplicated)")
    return found


def assert_sound(result, frame, **needs):
    """Fail if a function returned a result for citizens outside the codebook."""
    if result is not None:
        assert not spoiled(frame, **needs), f"a result for spoiled citizens ({spoiled(frame, **needs)})"


def in_unit(values):
    values = np.asarray(values, dtype=float)
    return bool((((values >= 0) & (values <= 1)) | np.isnan(values)).all())


@pytest.fixture(scope="module")
def source(pilot):
    return pilot.test


# ---------------------------------------------------------------- the model's verdicts


@PROPERTY
@given(call=one_spoiled({}))
def test_evaluate_counts_every_citizen_once(model, source, call):
    frame = cook(source, call[0])
    result = kit_result(lambda: casekit.evaluate(model, frame), "model", "citizens")
    assert_sound(result, frame)
    if result is not None:
        assert result.n == len(frame) == result.confusion.to_numpy().sum()
        assert 0 <= result.ci_low <= result.accuracy <= result.ci_high <= 1
        assert 0.5 <= result.baseline <= 1


def _check_counts(summary, n, caseworkers, citizens_per_year):
    counts = summary[["flagged_correctly", "wrongly_flagged", "missed", "left_alone_correctly"]]
    assert (counts >= 0).all() and counts.sum() == n
    assert summary["accuracy"] == pytest.approx((summary["flagged_correctly"] + summary["left_alone_correctly"]) / n)
    for errors in ["wrongly_flagged", "missed"]:
        per_year = summary[f"{errors}_per_year"]
        assert per_year >= 0 and per_year == pytest.approx(summary[errors] * citizens_per_year / n)
        assert summary[f"{errors}_per_caseworker_per_year"] == pytest.approx(per_year / caseworkers)


SCALE = {"caseworkers": CASEWORKERS, "citizens_per_year": CITIZENS_PER_YEAR}


@PROPERTY
@given(call=one_spoiled({"threshold": THRESHOLD, **SCALE}))
def test_threshold_summary_counts_add_up(model, source, call):
    recipe, arguments = call
    frame = cook(source, recipe)
    summary = kit_result(lambda: casekit.threshold_summary(model, frame, **arguments), "model", "citizens", *arguments)
    assert_sound(summary, frame)
    if summary is not None:
        _check_counts(summary, len(frame), arguments["caseworkers"], arguments["citizens_per_year"])


THRESHOLD_LISTS = (
    st.lists(st.floats(0, 1), min_size=1, max_size=5),
    st.one_of(st.sampled_from([[], "", None, 0.5, [1.5], [0.2, math.nan], ["0.5"], [True]]), WEIRD),
)


@PROPERTY
@given(call=one_spoiled({"thresholds": THRESHOLD_LISTS, **SCALE}))
def test_threshold_curve_counts_add_up_at_every_threshold(model, source, call):
    recipe, arguments = call
    frame = cook(source, recipe)
    curve = kit_result(lambda: casekit.threshold_curve(model, frame, **arguments), "model", "citizens", *arguments)
    assert_sound(curve, frame)
    if curve is not None:
        assert len(curve) > 0, f"a curve with no points for thresholds={arguments['thresholds']!r}"
        for _, row in curve.iterrows():
            _check_counts(row, len(frame), arguments["caseworkers"], arguments["citizens_per_year"])
        assert curve.sort_index()["flagged_per_year"].is_monotonic_decreasing


# ---------------------------------------------------------------- audits


@PROPERTY
@given(call=one_spoiled({"by": BY}))
def test_audit_counts_every_citizen_in_one_group(model, source, call):
    recipe, arguments = call
    frame = cook(source, recipe)
    table = kit_result(lambda: casekit.audit(model, frame, **arguments), "model", "citizens", "by")
    assert_sound(table, frame)
    if table is not None:
        assert table["count"].sum() == len(frame)
        assert in_unit(table.drop(columns="count").to_numpy())


@PROPERTY
@given(
    call=one_spoiled(
        {
            "by": BY,
            "confidence": (st.floats(0.5, 0.999), st.sampled_from([0, 1, 95, -0.5, math.nan, "95%", None])),
            "min_count": (st.integers(1, 100), st.sampled_from([-1, 2.5, math.nan, "30", None])),
        }
    )
)
def test_audit_intervals_hold_their_rates(model, source, call):
    recipe, arguments = call
    frame = cook(source, recipe)
    table = kit_result(lambda: casekit.audit_intervals(model, frame, **arguments), "model", "citizens", *arguments)
    assert_sound(table, frame)
    if table is not None:
        assert in_unit(table[["rate", "low", "high"]].to_numpy())
        assert (table["numerator"] <= table["denominator"]).all() and (table["numerator"] >= 0).all()
        counted = table[table["denominator"] > 0]
        assert (counted["low"] <= counted["rate"] + 1e-12).all() and (counted["rate"] <= counted["high"] + 1e-12).all()
        assert table.xs("base_rate", level="metric")["denominator"].sum() == len(frame)


@PROPERTY
@given(
    call=one_spoiled(
        {
            "by": BY,
            "threshold": THRESHOLD,
            "random_state": (st.integers(0, 5), st.sampled_from([-1, 2**32, "seed", 1.5])),
        }
    )
)
def test_residence_audit_counts_every_citizen_once(model, source, call):
    recipe, arguments = call
    frame = cook(source, recipe)
    table = kit_result(lambda: casekit.residence_audit(model, frame, **arguments), "model", "citizens", *arguments)
    assert_sound(table, frame, ids=True)
    if table is not None:
        assert table["count"].sum() == len(frame)
        assert (table["wrongly_flagged"] <= table["found_work"]).all() and (table["flagged"] <= table["count"]).all()
        rates = ["selection_rate", "false_positive_rate", "false_negative_rate", "address_decides"]
        assert in_unit(table[rates].to_numpy())


@PROPERTY
@given(
    call=one_spoiled(
        {
            "by": BY,
            "of": (
                st.sampled_from([TARGET, "education_missing", "primary_school"]),
                st.sampled_from(["age", "nope", None]),
            ),
        }
    )
)
def test_group_shares_count_every_citizen_once(source, call):
    recipe, arguments = call
    frame = cook(source, recipe)
    table = kit_result(lambda: casekit.group_shares(frame, **arguments), "citizens", "by", "of")
    assert_sound(table, frame, outcome=arguments["of"] == TARGET)
    if table is not None:
        assert (table["numerator"] <= table["denominator"]).all() and in_unit(table["share"])
        everyone = arguments["of"] in (TARGET, "education_missing")
        assert table["denominator"].sum() == len(frame) if everyone else table["denominator"].sum() <= len(frame)


# ---------------------------------------------------------------- one citizen's flag: flip_test, explain, lookup


@PROPERTY
@given(
    call=one_spoiled(
        {
            "column": (st.sampled_from(PILOT_FEATURES), st.sampled_from(["origin", "health_limitation", "nope", 3])),
            "values": (
                st.sampled_from([None, "two of its own"]),
                st.sampled_from([[], ["Atlantis"], [-40], ["25"], "Havnen", [None]]),
            ),
            "threshold": THRESHOLD,
        }
    )
)
def test_flip_test_gives_one_row_per_citizen_and_value(model, source, call):
    recipe, arguments = call
    frame = cook(source, recipe)
    column = arguments["column"]
    if arguments["values"] == "two of its own" and column in frame:
        arguments["values"] = frame[column].dropna().drop_duplicates().head(2).tolist()
    table = kit_result(lambda: casekit.flip_test(model, frame, **arguments), "model", "citizens", *arguments)
    assert_sound(table, frame, outcome=False)
    if table is not None:
        assert column in PILOT_FEATURES, f"flip_test accepted {column!r}, a column the model never reads"
        assert len(table) == len(frame) * table["value"].nunique()
        assert in_unit(table["probability"])
        assert (table["flagged"] == (table["probability"] > arguments["threshold"])).all()
        values = arguments["values"]
        if values is not None:
            assert set(table["value"]) <= set([values] if isinstance(values, str) else values)


@PROPERTY
@given(call=one_spoiled({"threshold": THRESHOLD, "as_frame": (st.booleans(), st.booleans())}))
def test_explain_gives_a_probability_and_its_count(model, source, call):
    recipe, arguments = call
    frame = cook(source, recipe)
    citizen = frame.iloc[:1] if arguments["as_frame"] else frame.iloc[0]
    threshold = arguments["threshold"]
    answer = kit_result(lambda: casekit.explain(model, citizen, threshold=threshold), "model", "citizen", "threshold")
    assert_sound(answer, frame.iloc[:1], outcome=False)
    if answer is not None:
        assert 0 <= answer.leaf_unemployed <= answer.leaf_size
        assert 0 <= answer.probability <= 1 and answer.flagged == (answer.probability > threshold)


@PROPERTY
@given(
    call=one_spoiled(
        {
            "citizen_id": (st.just("the first"), st.one_of(st.sampled_from(["JC99-99999", "jc15-00041"]), WEIRD)),
            "threshold": THRESHOLD,
        }
    )
)
def test_lookup_finds_the_citizen_asked_for(model, source, call):
    recipe, arguments = call
    frame = cook(source, recipe)
    if arguments["citizen_id"] == "the first" and "citizen_id" in frame:
        arguments["citizen_id"] = frame["citizen_id"].iloc[0]
    answer = kit_result(lambda: casekit.lookup(model, frame, **arguments), "model", "citizens", *arguments)
    if answer is not None:
        assert answer.citizen_id == arguments["citizen_id"]
        assert 0 <= answer.probability <= 1 and answer.flagged == (answer.probability > arguments["threshold"])
        assert_sound(answer, frame[frame["citizen_id"] == answer.citizen_id], outcome=False)


# ---------------------------------------------------------------- training and data


@settings(PROPERTY, max_examples=15)
@given(call=one_spoiled({}))
def test_train_pilot_tree_learns_only_from_sound_outcomes(source, call):
    frame = cook(source, call[0])
    model = kit_result(lambda: casekit.train_pilot_tree(frame), "citizens")
    assert_sound(model, frame)
    if model is not None:
        assert set(frame[TARGET]) == {0, 1}, "a tree trained on one outcome flags everyone or no one"
        assert 0 <= casekit.evaluate(model, frame).accuracy <= 1


@settings(PROPERTY, max_examples=20)
@given(
    call=one_spoiled(
        {
            "n_samples": (st.integers(1, 2_000), st.sampled_from([0, -5, 2.5, "100", None, math.nan, True])),
            "random_state": (st.integers(0, 100), st.one_of(st.sampled_from([-1, 2**32, "seed", 1.5]), WEIRD)),
        },
        citizens=False,
    )
)
def test_make_citizens_draws_citizens_inside_the_codebook(call):
    arguments = call[1]
    citizens = kit_result(lambda: casekit.make_citizens(**arguments), *arguments)
    if citizens is not None:
        assert len(citizens) == arguments["n_samples"] and not spoiled(citizens, ids=True)


@settings(PROPERTY, max_examples=10)
@given(
    call=one_spoiled(
        {
            "cohort": (st.sampled_from(["pilot", "2019"]), st.one_of(st.sampled_from(["2020", "x", "", 2019]), WEIRD)),
            "world": (st.none(), st.sampled_from(["x", 1, {}])),
        },
        citizens=False,
    )
)
def test_load_citizens_loads_citizens_inside_the_codebook(call):
    arguments = call[1]
    citizens = kit_result(lambda: casekit.load_citizens(**arguments), *arguments)
    if citizens is not None:
        assert len(citizens) > 0 and not spoiled(citizens, ids=True)


@settings(PROPERTY, max_examples=30)
@given(
    parameter=st.sampled_from(["district_shares", "non_western_share", "address_penalty"]),
    key=st.sampled_from([*DISTRICTS, "Lyngtofte", "lyngtoften", "Atlantis"]),
    value=st.one_of(st.floats(-1, 2), st.sampled_from([0.0, 0.5, 1.0, 1.5, -0.1]), WEIRD),
)
def test_a_world_takes_only_known_districts_and_possible_shares(parameter, key, value):
    changed = {**getattr(casekit.WORLD, parameter), key: value}
    world = kit_result(lambda: casekit.World(**{parameter: changed}), parameter)
    if world is not None:
        assert set(getattr(world, parameter)) <= set(DISTRICTS), f"{parameter} accepted {key!r}"
        if parameter != "address_penalty":
            assert in_unit(list(getattr(world, parameter).values())), f"{parameter} accepted {value!r}"
        if parameter == "district_shares":
            assert sum(world.district_shares.values()) == pytest.approx(1), f"shares that add up to {value!r} + 0.83"
        assert not spoiled(casekit.make_citizens(50, world=world, random_state=0), ids=True)


COUNTS = st.integers(0, 5_000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n)))


@settings(PROPERTY, max_examples=60)
@given(
    counts=st.one_of(COUNTS, st.tuples(st.one_of(st.integers(-3, 60), WEIRD), st.one_of(st.integers(-3, 60), WEIRD)))
)
def test_format_rate_writes_its_count(counts):
    numerator, denominator = counts
    text = kit_result(lambda: casekit.format_rate(numerator, denominator), "numerator", "denominator")
    if text is not None:
        assert int(numerator) == numerator and int(denominator) == denominator, "a count that is not whole"
        assert 0 <= numerator <= denominator, f"accepted {numerator} of {denominator}"
        assert f"{int(numerator)} of {int(denominator)}" in text.replace(",", "")


# ---------------------------------------------------------------- workload, simulation, privacy, discretion

from casekit.discretion import OFF_LIMITS, human_in_the_loop  # noqa: E402
from casekit.privacy import QUASI_IDENTIFIERS, group_sizes, pseudonymise, unkeyed_hash  # noqa: E402
from casekit.simulation import simulate  # noqa: E402
from casekit.workload import workload  # noqa: E402

MINUTES = (st.floats(0, 120), st.sampled_from([-2, math.nan, math.inf, "5", None, True]))


@settings(PROPERTY, max_examples=60)
@given(
    call=one_spoiled(
        {
            **SCALE,
            "lookup_minutes": MINUTES,
            "note_minutes": MINUTES,
            "explain_minutes": MINUTES,
            "citizens_explained": (st.floats(0, 2_000), st.sampled_from([-1, math.nan, "100", None])),
            "hours_per_caseworker": (st.floats(1, 2_000), st.sampled_from([0, -1560, math.nan, math.inf, "1560"])),
        },
        citizens=False,
    )
)
def test_workload_never_gives_negative_or_missing_hours(call):
    arguments = call[1]
    hours = kit_result(lambda: workload(**arguments), *arguments)
    if hours is not None:
        assert all(math.isfinite(value) and value >= 0 for value in hours), hours.to_dict()
        assert hours["hours_per_caseworker"] == pytest.approx(hours["hours_per_year"] / arguments["caseworkers"])
        expected = arguments["citizens_per_year"] * (arguments["lookup_minutes"] + arguments["note_minutes"])
        expected += arguments["citizens_explained"] * arguments["explain_minutes"]
        assert hours["hours_per_year"] == pytest.approx(expected / 60)


@settings(PROPERTY, max_examples=16)
@given(
    call=one_spoiled(
        {
            "policy": (st.sampled_from(["at_risk", "likely_to_find_work", "borderline", "ignore_score"]), WEIRD),
            "years": (st.integers(1, 2), st.sampled_from([0, -1, 2.5, 51, 10**6, None, "2"])),
            "caseworkers": CASEWORKERS,
            "slots_per_caseworker": (st.integers(1, 30), st.sampled_from([0, -3, 1.5, None])),
            "support_effect": (st.floats(0, 10), st.sampled_from([-0.3, 10.5, math.nan, math.inf, "1.5", True])),
            "citizens_per_year": (st.integers(100, 300), st.sampled_from([0, 99, 100_001, 10**9, 150.5, "200"])),
            "threshold": THRESHOLD,
            "random_state": (st.integers(0, 3), st.sampled_from([-1, 2**32, "seed", 1.5])),
        },
        citizens=False,
    )
)
def test_simulate_supports_no_more_citizens_than_there_are(call):
    arguments = call[1]
    history = kit_result(lambda: simulate(**arguments), *arguments)
    if history is not None:
        n = arguments["citizens_per_year"]
        assert len(history) == arguments["years"]
        capacity = min(arguments["caseworkers"] * arguments["slots_per_caseworker"], n)
        assert (history["supported"] == capacity).all() and (history["citizens_estate"] <= n).all()
        shares = ["estate_share_supported", "unemployed_estate", "unemployed_rest", "flagged_estate", "flagged_rest"]
        assert in_unit(history[[*shares, "apparent_accuracy", "unemployed_overall"]].to_numpy())
        assert history["gap"].to_numpy() == pytest.approx(history["unemployed_estate"] - history["unemployed_rest"])


@PROPERTY
@given(
    call=one_spoiled(
        {
            "quasi_identifiers": (
                st.one_of(st.none(), st.lists(st.sampled_from(["age", "district", "gender"]), min_size=1, unique=True)),
                st.sampled_from([[], ["nope"], 3, ["age", "nope"]]),
            )
        }
    )
)
def test_group_sizes_count_the_rows_that_share_the_values(source, call):
    recipe, arguments = call
    frame = cook(source, recipe)
    sizes = kit_result(lambda: group_sizes(frame, **arguments), "frame", "quasi_identifiers")
    if sizes is not None:
        assert len(sizes) == len(frame) and (sizes >= 1).all() and (sizes <= len(frame)).all()
        used = arguments["quasi_identifiers"] or [column for column in QUASI_IDENTIFIERS if column in frame]
        assert (1 / sizes).sum() == pytest.approx(len(frame.drop_duplicates(subset=used)))


@settings(PROPERTY, max_examples=40)
@given(ids=st.one_of(st.text(max_size=12), st.lists(st.text(max_size=12), max_size=5), st.integers(), WEIRD))
def test_an_id_gives_one_hash_and_a_list_one_hash_each(ids):
    for hashed in (unkeyed_hash, lambda values: pseudonymise(values, key=b"kept in the vault")):
        result = kit_result(lambda hashed=hashed: hashed(ids), "values")
        if isinstance(ids, list):
            assert result is not None and len(result) == len(ids) and all(len(h) == 16 for h in result)
        elif result is not None:
            assert isinstance(result, str) and len(result) == 16


RULES = (
    st.sampled_from(["missed_meetings == 0", "age > 40 and not health_limitation", "district == 'Lyngtoften'", None]),
    st.one_of(
        st.sampled_from(
            [
                "@citizens['unemp' 'loyed_12m'] == 0",
                "@citizens[@citizens.columns[-1]] == 0",
                "@citizens.__class__ is None",
                "origin == 'Danish origin'",
                "",
            ]
        ),
        WEIRD,
    ),
)


@PROPERTY
@given(call=one_spoiled({"unflag_if": RULES, "flag_if": RULES, "threshold": THRESHOLD}))
def test_an_override_never_depends_on_the_outcome_or_origin(model, source, call):
    recipe, arguments = call
    frame = cook(source, recipe)
    decisions = kit_result(lambda: human_in_the_loop(model, frame, **arguments), "model", "citizens", *arguments)
    assert_sound(decisions, frame, outcome=False)
    if decisions is not None:
        assert len(decisions) == len(frame) and in_unit(decisions["probability"])
        changed = decisions["model_flag"] != decisions["final_flag"]
        assert (changed == (decisions["override"] != "")).all()
        if set(OFF_LIMITS) <= set(frame.columns):
            turned = frame.assign(**{column: frame[column].iloc[::-1].to_numpy() for column in OFF_LIMITS})
            assert decisions.equals(human_in_the_loop(model, turned, **arguments))

"""The case as data: its people, its timeline, role cards for two role-plays, and a RACI chart to fill in.

Everything here is the kit's own summary of Røhl & Elmholdt (2019), *Et
datadrevet jobcenter: Fiktiv case-beskrivelse*, Aalborg University; read the
original for the story itself. The wants, fears and knowledge of each person
are the kit's reading of the case, not the authors' words.

The case fixes three dates: Monday 28 January 2019 (the minutes), the
Wednesday before it, 23 January 2019 (the board meeting, derived from the
minutes), and 3 May 2019 (the union's letter). Every other date in
:func:`timeline` is reconstructed by the kit from the story's relative time
("some weeks later", "two weeks before the start") and is marked
``exact=False``. See :data:`LEAK_ARTICLE` for a date in the case's appendix
that does not fit its story.

The people, role-plays and their cards, the timeline, the RACI chart, the
failures, the stakeholders, Kotter's steps, Lewin's stages and the example
plan are read from ``casekit/content/`` (see its README.md); this module
turns them into tables, checks and charts.
"""

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from casekit._content import read_records, read_rows
from casekit._validation import check_choice, check_frame
from casekit.i18n import _

_PEOPLE = read_records("people.toml")["person"]
_PERSON = {person["id"]: person for person in _PEOPLE}

#: The kit's two role-plays: key -> title, the part of the case, the scene to read out,
#: and what the kit stages that the case does not (print it as a "Not in the case" note).
_ROLE_PLAYS = read_records("role_plays.toml")["role_play"]
ROLE_PLAYS = {
    play["key"]: {field: play[field] for field in ("title", "part", "scene", "not_in_the_case")} for play in _ROLE_PLAYS
}

# One card per person per role-play: what the person knows AT THAT EPISODE, in the second person. The card's
# name, role, unit and in_the_case (False for a role the kit adds for the role-play's sake) come from people.toml.
_CARD_COLUMNS = ["role_play", "name", "in_the_case", "role", "unit", "task", "wants", "fears", "knows", "does_not_know"]
_CARDS = [
    {
        "role_play": play["key"],
        **{field: _PERSON[card["person"]][field] for field in _CARD_COLUMNS[1:5]},
        **{field: card[field] for field in _CARD_COLUMNS[5:]},
    }
    for play in _ROLE_PLAYS
    for card in play["card"]
]

#: Slip 7 of issue 10: the case's appendix 2 dates its newspaper article before the story's theft.
LEAK_ARTICLE = {
    field: read_records("leak_article.toml")[field] for field in ("printed_date", "theft", "story_part", "note")
}

# What happens when: date, exact (given by the case) or reconstructed by the kit, part of the case, event.
_EVENTS = read_rows("timeline.csv", bools=["exact"])

#: Kotter's eight steps of leading change (Kotter 1995, 1996), in short.
KOTTER_STEPS = [row["name"] for row in read_rows("kotter_steps.csv", ints=["step"])]
LEWIN_STAGES = [row["stage"] for row in read_rows("lewin_stages.csv")]

# Each failure with the part of the case it belongs to, the Kotter step (1-8) it breaks and its Lewin stage:
# the kit's reading, for students to argue with.
_FAILURES = read_rows("failures.csv", ints=["kotter_step"])

# Power over the project and interest in it (1-5) for each person: the kit's reading of the case.
_STAKES = [
    {"name": _PERSON[row["person"]]["name"], "power": row["power"], "interest": row["interest"]}
    for row in read_rows("stakeholders.csv", ints=["power", "interest"])
]

# The RACI chart's columns (who) and rows (tasks), and the letters the case leaves in it after episode 2.
_RACI = read_records("raci.toml")
_RACI_ROLES = {role["id"]: role["label"] for role in _RACI["role"]}
RACI_TASKS = [task["task"] for task in _RACI["task"]]


def people():
    """Return the people of the case, one row each.

    Returns
    -------
    pandas.DataFrame
        Columns ``name``, ``role``, ``unit``, ``wants``, ``worries``,
        ``knows``, ``does_not_know`` (the kit's reading of each person across
        the whole case) and ``role_plays``: the keys of :data:`ROLE_PLAYS` whose
        cast includes the person, comma-separated in the order of
        :data:`ROLE_PLAYS`, or ``"none"``. The role-plays' own cards, which
        know only what the person knows at that episode, come from
        :func:`role_cards`.

    Examples
    --------
    >>> people().set_index("name").loc["Amin Roble", "role"]
    'head of the job centre'
    >>> people().set_index("name").loc[["Lars Schütze", "Torben Juelsgaard", "Inge Reitov"], "role_plays"].tolist()
    ['none', 'introduction meeting', 'union reply']
    """
    table = pd.DataFrame(
        [person for person in _PEOPLE if person["in_the_case"]],
        columns=["name", "role", "unit", "wants", "worries", "knows", "does_not_know"],
    )
    cast = casts()
    table["role_plays"] = [
        ", ".join(play for play in ROLE_PLAYS if name in cast[play]) or "none" for name in table["name"]
    ]
    return table


def role_cards(role_play=None):
    """Return the role cards of one role-play (or of both), one row per person in its cast.

    A card knows only what its person knows at the episode of the role-play,
    and speaks to the player in the second person ("You want ...", "You fear
    ...", "You know ...", "You do not know ..."). The casts:

    - ``"introduction meeting"`` (episode 4): Laila, who opens; Amin, who
      chairs; Rasmus; Berit, who presents the pilot; Arne and Valery, whom the
      case places in the room; Torben, one of the caseworkers the meeting is
      for, whom the case names only later; and **a younger caseworker, a role
      the kit adds (not in the case)** for the younger staff the case mentions
      as a group. Lars is not at this meeting in the case.
    - ``"union reply"`` (episode 9): Amin and Inge, who draft the reply in the
      case; Laila; the municipal director, with whom Laila settles in the
      case what happens next; and,
      **seated at the same table by the kit (not in the case)**: Ebbe, Berit and
      the union's district chair, Majbritt Herlev Nielsen, who in the case
      only writes the letter. The cards are set before the evening's
      decision.

    :data:`ROLE_PLAYS` holds each role-play's scene and its "not in the case"
    note.

    Parameters
    ----------
    role_play : {"introduction meeting", "union reply"} or None
        None gives both casts, episode 4's first.

    Returns
    -------
    pandas.DataFrame
        ``role_play``, ``name``, ``in_the_case`` (False for a role the kit
        adds), ``role``, ``unit``, ``task`` (what you do in the meeting),
        ``wants``, ``fears``, ``knows`` and ``does_not_know``.

    Examples
    --------
    >>> role_cards("introduction meeting")["name"].tolist()
    ['Laila Bernsgaard', 'Amin Roble', 'Rasmus Andersen', 'Berit Johannesen', 'Arne Robieros',
     'Valery Plavkovic', 'Torben Juelsgaard', 'a younger caseworker']
    >>> role_cards("union reply")["name"].tolist()
    ['Amin Roble', 'Inge Reitov', 'Laila Bernsgaard', 'the municipal director', 'Ebbe Nielsen',
     'Berit Johannesen', 'Majbritt Herlev Nielsen']
    """
    cards = pd.DataFrame(_CARDS, columns=_CARD_COLUMNS)
    if role_play is None:
        return cards
    check_choice(role_play, list(ROLE_PLAYS), name="role_play")
    return cards[cards["role_play"] == role_play].reset_index(drop=True)


def casts():
    """Return the cast of each role-play: its key in :data:`ROLE_PLAYS` and the names on its cards.

    Examples
    --------
    >>> casts()["introduction meeting"][:4]
    ['Laila Bernsgaard', 'Amin Roble', 'Rasmus Andersen', 'Berit Johannesen']
    """
    cards = role_cards()
    return {play: cards.loc[cards["role_play"] == play, "name"].tolist() for play in ROLE_PLAYS}


def timeline():
    """Return the dated events of the case, in order.

    Returns
    -------
    pandas.DataFrame
        Columns ``date`` (datetime), ``exact``, ``part`` (Prelude, Episode 1
        ... 9) and ``event``. ``exact`` is True only for the three dates the
        case gives (23 and 28 January 2019, 3 May 2019); every other date is
        reconstructed by the kit from the story's relative time, and
        ``exact`` is False. The pause is put on Monday 6 May, reading the
        union's letter, dated Friday 3 May, as arriving after the weekend.

    Notes
    -----
    The case's appendix 2 reproduces a newspaper page dated 12 December
    2018, six weeks before the board meeting, while the story brings the
    theft into the news only in episode 8, in spring 2019: see
    :data:`LEAK_ARTICLE`.

    Examples
    --------
    >>> timeline().loc[lambda t: t["exact"], "date"].dt.strftime("%d %b %Y").tolist()
    ['23 Jan 2019', '28 Jan 2019', '03 May 2019']
    """
    events = pd.DataFrame(_EVENTS, columns=["date", "exact", "part", "event"])
    events["date"] = pd.to_datetime(events["date"])
    return events


def plot_timeline(events=None, *, ax=None):
    """Draw the case's timeline; reconstructed dates are drawn hollow.

    Parameters
    ----------
    events : pandas.DataFrame, optional
        Events as returned by :func:`timeline` (the default).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_timeline()
    >>> len(ax.texts)
    14
    """
    events = check_frame(timeline() if events is None else events, name="events", columns=["date", "exact", "event"])
    if ax is None:
        _figure, ax = plt.subplots(figsize=(10, 0.45 * len(events) + 1))
    y = range(len(events), 0, -1)
    ax.scatter(events["date"], y, s=40, color="C0", facecolors=["C0" if e else "white" for e in events["exact"]])
    for date, level, text in zip(events["date"], y, events["event"], strict=True):
        ax.annotate(text, (date, level), xytext=(8, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks([])
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.set_xlim(events["date"].min() - pd.Timedelta(days=15), events["date"].max() + pd.Timedelta(days=190))
    ax.set_title(_("The case, as the kit dates it (filled: date given in the case; hollow: reconstructed)"))
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return ax


def raci_template():
    """Return an empty RACI chart: the project's tasks against the case's people.

    Fill each cell with ``"R"`` (responsible: does it), ``"A"`` (accountable:
    answers for it; exactly one per task), ``"C"`` (consulted), ``"I"``
    (informed) or leave it empty.

    Examples
    --------
    >>> raci_template().shape
    (9, 8)
    """
    return pd.DataFrame("", index=pd.Index(RACI_TASKS, name="task"), columns=list(_RACI_ROLES.values()))


def raci_after_episode_2():
    """Return the RACI chart as the case leaves it at the end of episode 2 (the kit's reading).

    The minutes make Laila answer for the implementation; Amin only received
    them by e-mail; Ebbe drove the decision at the board; Rasmus knew the
    error rates but nobody asked him. Nobody is given the purpose, the budget,
    the data security or telling the citizens.

    Examples
    --------
    >>> raci_after_episode_2().loc["decide to start, pause or stop", ["Laila", "Ebbe"]].tolist()
    ['A', 'A']
    """
    chart = raci_template()
    for task in _RACI["task"]:
        for role, letter in task["after_episode_2"].items():
            chart.loc[task["task"], _RACI_ROLES[role]] = letter
    return chart


def raci_problems(chart):
    """List what is wrong with a filled RACI chart, in words.

    Parameters
    ----------
    chart : pandas.DataFrame
        A chart like :func:`raci_template`, filled with R, A, C, I or "".

    Returns
    -------
    list of str
        One line per problem; empty when every task has exactly one A and at least one R.

    Examples
    --------
    >>> chart = raci_template()
    >>> raci_problems(chart)[0]
    "'define what the prediction is for': nobody is accountable (A)."
    """
    check_frame(chart, name="chart")
    allowed = {"R", "A", "C", "I", ""}
    problems = []
    for task, row in chart.iterrows():
        letters = [str(cell).strip().upper() for cell in row]
        wrong = sorted(set(letters) - allowed)
        quoted = repr(task)
        if wrong:
            # Translators: {task} is the task in quotes; keep it first, before the colon. R, A, C and I are codes.
            message = _("{task}: cells must be R, A, C, I or empty, but {wrong} was used.")
            problems.append(message.format(task=quoted, wrong=wrong))
        if letters.count("A") == 0:
            problems.append(_("{task}: nobody is accountable (A).").format(task=quoted))
        elif letters.count("A") > 1:
            message = _("{task}: {count} people are accountable; there should be exactly one.")
            problems.append(message.format(task=quoted, count=letters.count("A")))
        if "R" not in letters:
            problems.append(_("{task}: nobody is responsible (R) for doing it.").format(task=quoted))
    return problems


def failures():
    """Return the case's organisational failures, each placed on Kotter's steps and Lewin's stages.

    The placement is the kit's reading, for students to argue with.

    Returns
    -------
    pandas.DataFrame
        ``failure``, ``part``, ``kotter_step`` (1-8), ``kotter`` (the step in
        words) and ``lewin`` (unfreeze, change or refreeze).

    Examples
    --------
    >>> failures()["lewin"].value_counts()["unfreeze"]
    np.int64(5)
    """
    table = pd.DataFrame(_FAILURES, columns=["failure", "part", "kotter_step", "lewin"])
    table.insert(3, "kotter", [KOTTER_STEPS[step - 1] for step in table["kotter_step"]])
    table["lewin"] = pd.Categorical(table["lewin"], categories=LEWIN_STAGES, ordered=True)
    return table


def stakeholders():
    """Return the people of the case with their power over the project and interest in it (1-5).

    Examples
    --------
    >>> stakeholders().set_index("name").loc["Torben Juelsgaard", "interest"]
    np.int64(5)
    """
    stakes = pd.DataFrame(_STAKES, columns=["name", "power", "interest"])
    return people()[["name", "role"]].merge(stakes, on="name", validate="one_to_one")


def plot_stakeholders(table=None, *, ax=None):
    """Draw a power-interest map of the stakeholders, with the four usual quadrants.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> len(plot_stakeholders().texts)
    17
    """
    table = check_frame(stakeholders() if table is None else table, name="table", columns=["name", "power", "interest"])
    if ax is None:
        _figure, ax = plt.subplots(figsize=(8, 7))
    ax.scatter(table["interest"], table["power"], color="C0")
    placed = {}
    for name, interest, power in zip(table["name"], table["interest"], table["power"], strict=True):
        below = placed[interest, power] = placed.get((interest, power), -1) + 1
        ax.annotate(name, (interest, power), xytext=(5, 4 - 11 * below), textcoords="offset points", fontsize=8)
    ax.axhline(3, color="grey", lw=0.8)
    ax.axvline(3, color="grey", lw=0.8)
    for x, y, label in [
        (1.1, 5.3, _("keep satisfied")),
        (4.0, 5.3, _("manage closely")),
        (1.1, 0.6, _("monitor")),
        (4.0, 0.6, _("keep informed")),
    ]:
        ax.text(x, y, label, color="grey", style="italic")
    ax.set(
        xlim=(0.5, 6),
        ylim=(0.3, 5.6),
        xlabel=_("interest in the project"),
        ylabel=_("power over the project"),
        title=_("Stakeholders of the data-driven job centre (the kit's reading)"),
    )
    return ax


#: The parts of the case, in order, as :func:`failures` and :func:`timeline` name them.
PARTS = ["Prelude"] + [f"Episode {number}" for number in range(1, 10)]

# A better plan, in order: the kit's worked example for students to reorder and edit.
_PLAN = read_rows("example_plan.csv", ints=["number", "kotter_step"])


def example_plan():
    """Return the kit's worked example of a better plan, one step a row, in order.

    Returns
    -------
    pandas.DataFrame
        Index ``1 ...`` (step numbers); columns ``step``, ``who``, ``when``,
        ``principle`` (codes such as ``"KL 3"``, several separated by ";")
        and ``kotter_step`` (1-8).

    Examples
    --------
    >>> example_plan().loc[1, "principle"]
    'KL 3'
    """
    plan = pd.DataFrame(_PLAN, columns=["step", "who", "when", "principle", "kotter_step"])
    plan.index = pd.RangeIndex(1, len(plan) + 1, name="number")  # the file's `number`, 1, 2, ... (tested)
    return plan


def check_plan(plan, *, leave_out=()):
    """Check a plan: are its principle codes real, and does it serve every Kotter step and every source?

    Parameters
    ----------
    plan : pandas.DataFrame
        Like :func:`example_plan`: columns ``step``, ``principle`` and ``kotter_step``.
    leave_out : list of int, default ()
        Step numbers (the plan's index) to drop before checking, to see what a step carries.

    Returns
    -------
    pandas.Series
        The answer to each check, in words, indexed by the check.

    Examples
    --------
    >>> check_plan(example_plan())["Kotter steps not served"]
    'none, all eight are covered'
    >>> check_plan(example_plan(), leave_out=[12])
    Traceback (most recent call last):
    ...
    ValueError: `leave_out` must hold step numbers of the plan, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], but 12 was passed.
    """
    from casekit.ethics import SOURCES, principles

    check_frame(plan, name="plan", columns=["step", "principle", "kotter_step"])
    for number in leave_out:
        if number not in plan.index:
            raise ValueError(
                f"`leave_out` must hold step numbers of the plan, {plan.index.tolist()}, but {number!r} was passed."
            )
    plan = plan.drop(index=list(leave_out))
    codes = principles()
    codes = codes["source"] + " " + codes["number"].astype(str)
    served = plan["principle"].astype(str).str.split(";").explode().str.strip()
    unknown = sorted(set(served) - set(codes))
    steps = set(plan["kotter_step"])
    missing_steps = [f"{k}. {KOTTER_STEPS[k - 1]}" for k in range(1, 9) if k not in steps]
    missing_sources = sorted(set(SOURCES) - set(served.str.split().str[0]))
    not_yet = sorted(set(codes) - set(served))
    out_of_order = plan.loc[plan["kotter_step"].diff() < 0, "step"].str[:50].tolist()
    checked = str(len(plan))
    if leave_out:
        # Translators: {count} is the number of steps checked, {steps} the step numbers left out, e.g. "4, 7".
        checked = _("{count} (left out: {steps})").format(count=len(plan), steps=", ".join(map(str, leave_out)))
    none = _("none")
    # Translators: "12 of 14; not yet: KL 2, Ministry 1", principles served of all; {missing} may be "none".
    served_text = _("{served} of {total}; not yet: {missing}").format(
        served=served.nunique(), total=len(codes), missing=", ".join(not_yet) or none
    )
    order = _("kept") if not out_of_order else _("left at: {steps}").format(steps="; ".join(out_of_order))
    return pd.Series(
        {
            _("steps checked"): checked,
            _("codes that are not principles"): ", ".join(unknown) or none,
            _("Kotter steps not served"): "; ".join(missing_steps) or _("none, all eight are covered"),
            _("sources not served"): ", ".join(missing_sources) or _("none, Gladsaxe, KL and the Ministry all appear"),
            _("principles served"): served_text,
            _("Kotter's order"): order,
        },
        name="check",
    )


def plot_failures(table=None, *, axes=None):
    """Draw how many failures fall on each Kotter step and each Lewin stage, side by side.

    Parameters
    ----------
    table : pandas.DataFrame, optional
        Failures as returned by :func:`failures` (the default), perhaps with some moved.
    axes : pair of matplotlib Axes, optional

    Returns
    -------
    tuple of matplotlib.axes.Axes

    Examples
    --------
    >>> left, right = plot_failures()
    >>> len(left.patches), len(right.patches)
    (8, 3)
    """
    table = check_frame(failures() if table is None else table, name="table", columns=["kotter_step", "lewin"])
    per_step = table["kotter_step"].value_counts().reindex(range(1, 9), fill_value=0)
    per_stage = table["lewin"].astype(str).value_counts().reindex(LEWIN_STAGES, fill_value=0)
    if axes is None:
        _figure, axes = plt.subplots(1, 2, figsize=(12, 4), width_ratios=[3, 1])
    left, right = axes
    left.barh([f"{i}. {s}" for i, s in enumerate(KOTTER_STEPS, 1)], per_step.to_numpy())
    left.invert_yaxis()
    left.set(xlabel=_("number of failures"), title=_("Failures per Kotter step (the kit's reading)"))
    right.bar(per_stage.index, per_stage.to_numpy(), color="C1")
    right.set(xlabel=_("Lewin's stage"), ylabel=_("number of failures"), title=_("Failures per Lewin stage"))
    return left, right


def plot_swimlane(table=None, *, ax=None):
    """Draw each failure by the part of the case where it shows (down) and the Kotter step it breaks (across).

    Coloured by Lewin's stage. A project going wrong step by step would run
    from top left to bottom right.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> len(plot_swimlane().collections)
    3
    """
    table = check_frame(failures() if table is None else table, name="table", columns=["part", "kotter_step", "lewin"])
    row = table["part"].map(PARTS.index) + 0.15 * table.groupby(["part", "kotter_step"]).cumcount()
    if ax is None:
        _figure, ax = plt.subplots(figsize=(9, 5))
    for stage, colour in zip(LEWIN_STAGES, ["C0", "C1", "C2"], strict=True):
        mine = table["lewin"].astype(str) == stage
        ax.scatter(table.loc[mine, "kotter_step"], row[mine], s=120, color=colour, alpha=0.8, label=stage)
    ax.set(
        xticks=range(1, 9),
        yticks=range(len(PARTS)),
        yticklabels=PARTS,
        xlim=(0.5, 8.5),
        ylim=(len(PARTS) - 0.5, -0.5),
        xlabel=_("Kotter's step the failure breaks (1 = urgency … 8 = anchor in the culture)"),
        ylabel=_("part of the case"),
        title=_("Where and when the project failed (the kit's reading)"),
    )
    ax.legend(title=_("Lewin's stage"))
    return ax

"""The case as data: its people, its timeline, and a RACI chart to fill in.

Retold in the kit's own words from Røhl & Elmholdt (2019), *Et datadrevet
jobcenter: Fiktiv case-beskrivelse*, Aalborg University. The case gives three
exact dates (the board meeting's Wednesday is the one before the minutes'
Monday); every other date is the kit's reconstruction from the story's "weeks
later" and "two weeks before the start", and is marked ``exact=False``.
"""

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from casekit._validation import check_frame

# name, role, unit, wants, worries, knows, does not know, role-plays they appear in
_PEOPLE = [
    ("Amin Roble", "head of the job centre", "Social & Health: job centre",
     "more unemployed citizens in work, and his staff on board",
     "not knowing what his caseworkers should do differently with a prediction",
     "his staff, their workload and the citizens they serve",
     "what the 88.7 % rests on, and what the board expects him to deliver", "introduction meeting, union reply"),
    ("Rasmus Andersen", "team lead of the small data unit", "Digitalisation department",
     "the pilot tree taken into daily use", "a vendor that is late with the production version",
     "how the tree was built, its confidence interval and its false-positive rate",
     "what a caseworker's day looks like, and what a flag would change in it", "introduction meeting"),
    ("Berit Johannesen", "experienced caseworker, lent to the pilot", "Social & Health: job centre",
     "decisions on a better-informed footing than gut feeling",
     "being seen by colleagues as siding with management",
     "the pilot from the inside, and the caseworkers' daily work",
     "how management means to use the scores, and who will answer for errors", "introduction meeting, union reply"),
    ("Laila Bernsgaard", "director of Social & Health, Amin's manager", "Social & Health",
     "the board's strategic project delivered without fuss", "bad press and a nervous municipal director",
     "what the board decided and how the director reacts to the press",
     "the mood among the caseworkers, and the model's limits", "introduction meeting, union reply"),
    ("Lars Schütze", "head of digitalisation", "Digitalisation department",
     "data put to concrete use across the municipality", "projects that stall without an owner",
     "the municipality's data projects and the vendor's timetable",
     "whether IT security and the legal basis have been checked for this project", "introduction meeting"),
    ("Ebbe Nielsen", "director of Children & Culture, strategic lead for data", "Board of directors",
     "visible results from data that citizens notice", "the municipality falling behind others",
     "the municipality's data strategy and the other data projects, including the one on children",
     "how the job centre works, and what the tree gets wrong", "union reply"),
    ("Tina S. Mortensen", "secretary to the municipal director", "Board of directors",
     "clear minutes of what was decided", "nothing in particular; she records the decision",
     "exactly what the board's minutes say", "what the decision means in practice", "none"),
    ("Arne Robieros", "very experienced caseworker", "Social & Health: job centre",
     "concrete answers before he commits himself", "leaked risk flags, and being unpopular with management",
     "decades of citizens' cases, and how earlier reforms played out",
     "how the scores will be stored, and who may see them", "introduction meeting"),
    ("Valery Plavkovic", "caseworker", "Social & Health: job centre",
     "good counselling to stay at the heart of the work",
     "teams split by score, and citizens stuck with a wrong label",
     "what good counselling does for a citizen", "whether management plans to reorganise the teams",
     "introduction meeting"),
    ("Torben Juelsgaard", "caseworker", "Social & Health: job centre",
     "to be told what to do less of if this takes time",
     "being held accountable for whether predicted citizens find work",
     "how little slack there is in a caseworker's week",
     "what management will do with the data, and whether caseworkers will be measured by it", "introduction meeting"),
    ("Inge Reitov", "chief legal counsel", "Staff functions: legal",
     "a reply to the union that holds up in law", "being brought in only when there is a crisis",
     "administrative law: equal treatment, access to documents, the duty to give reasons",
     "how the model works and what data it uses", "union reply"),
    ("the municipal director", "top civil servant", "Board of directors",
     "a data project to show the council and, later, the press", "headlines about data misuse",
     "the council's and the press's mood", "anything about the model beyond its headline figure",
     "union reply"),
    ("Majbritt Herlev Nielsen", "district chair", "Dansk Socialrådgiverforening (social workers' union)",
     "caseworkers' professional discretion and equal treatment protected",
     "citizens sorted by statistics instead of judged as whole people",
     "what her members tell her, and the law on discrimination and discretion",
     "what the municipality actually plans to do with the scores", "union reply"),
]

# date, exact?, part of the case, what happens
_EVENTS = [
    ("2018-10-01", False, "Prelude", "Rasmus and Amin talk by chance about using data to help the unemployed"),
    ("2018-11-15", False, "Prelude", "Berit joins a data workshop; the pilot tree scores 88.7 %"),
    ("2019-01-23", True, "Episode 1", "After a short discussion the board of directors approves a 'data-driven job centre'"),
    ("2019-01-28", True, "Episode 1", "Minutes e-mailed: approved, no separate budget, Laila responsible"),
    ("2019-02-20", False, "Episode 2", "Weeks pass; nobody picks up the ball; the vendor is not in place"),
    ("2019-03-11", False, "Episode 3", "Lars calls an implementation meeting: a lookup system is planned"),
    ("2019-03-18", False, "Episode 4", "Introduction meeting for the ~20 caseworkers; questions left open"),
    ("2019-03-19", False, "Episode 5", "Amin is ill for a week; the start slips five weeks"),
    ("2019-03-29", False, "Episode 6", "Friday staff meeting: 'what should we do less of?'"),
    ("2019-04-01", False, "Episode 7", "Talk over coffee: teams split by prediction?"),
    ("2019-04-10", False, "Episode 8", "Newspapers report stolen computers with 20,000 citizens' data"),
    ("2019-04-17", False, "Episode 8", "Arne asks what happens if the risk flags leak"),
    ("2019-05-03", True, "Episode 9", "The social workers' union writes to the municipality"),
    ("2019-05-06", False, "Episode 9", "Project paused for at least a month; external review of data security"),
]

#: Kotter's eight steps of leading change (Kotter 1995, 1996), in short.
KOTTER_STEPS = [
    "create a sense of urgency",
    "build a guiding coalition",
    "form a vision and a strategy",
    "communicate the vision",
    "remove obstacles, empower action",
    "generate short-term wins",
    "consolidate gains, keep going",
    "anchor the change in the culture",
]
LEWIN_STAGES = ["unfreeze", "change", "refreeze"]

# failure, part of the case, Kotter step (1-8) it breaks, Lewin stage it belongs to
_FAILURES = [
    ("no problem or purpose defined for the prediction", "Prelude", 3, "unfreeze"),
    ("approved without budget, success criteria or a day-to-day owner", "Episode 1", 2, "unfreeze"),
    ("enthusiasm at the top, silence towards the caseworkers", "Episode 1", 4, "unfreeze"),
    ("weeks with nobody holding the ball", "Episode 2", 2, "unfreeze"),
    ("staff involved late and told it is 'strategically important'", "Episode 4", 1, "unfreeze"),
    ("the staff's questions left unanswered", "Episode 4", 4, "change"),
    ("the leader away at a critical time; nobody takes the temperature", "Episode 5", 2, "change"),
    ("a late vendor sets the pace; the start slips five weeks", "Episode 5", 6, "change"),
    ("the work process described only after the decision", "Episode 6", 5, "change"),
    ("no time or money: nobody says what to do less of", "Episode 6", 5, "change"),
    ("fears of sorting and stigma met with reassurance, not answers", "Episode 7", 4, "change"),
    ("legal and IT brought in only when there is a crisis", "Episode 8", 2, "change"),
    ("no plan for data security or for telling citizens", "Episode 9", 3, "change"),
    ("an outside shock pauses the project before anything is anchored", "Episode 9", 8, "refreeze"),
]

# name, power over the project (1-5), interest in it (1-5): the kit's reading of the case
_STAKES = [
    ("Amin Roble", 3, 5), ("Rasmus Andersen", 2, 5), ("Berit Johannesen", 1, 4), ("Laila Bernsgaard", 4, 3),
    ("Lars Schütze", 3, 4), ("Ebbe Nielsen", 4, 4), ("Tina S. Mortensen", 1, 1), ("Arne Robieros", 1, 4),
    ("Valery Plavkovic", 1, 4), ("Torben Juelsgaard", 1, 5), ("Inge Reitov", 3, 2),
    ("the municipal director", 5, 3), ("Majbritt Herlev Nielsen", 3, 5),
]

RACI_TASKS = [
    "define what the prediction is for",
    "fund implementation and operation",
    "describe the new work process",
    "decide whether the score goes into Fasit",
    "tell citizens about their score",
    "secure the data and the scores",
    "check the model for bias",
    "train and involve the caseworkers",
    "decide to start, pause or stop",
]


def people():
    """Return the people of the case, one row each.

    Returns
    -------
    pandas.DataFrame
        Columns ``name``, ``role``, ``unit``, ``wants``, ``worries``,
        ``knows``, ``does_not_know`` (the kit's reading of the case, for role
        cards) and ``role_plays`` (the role-plays they take part in: the
        introduction meeting for staff of episode 4, the reply to the union of episode 9).

    Examples
    --------
    >>> people().set_index("name").loc["Amin Roble", "role"]
    'head of the job centre'
    """
    return pd.DataFrame(_PEOPLE, columns=["name", "role", "unit", "wants", "worries", "knows", "does_not_know",
                                          "role_plays"])


def timeline():
    """Return the dated events of the case, in order.

    Returns
    -------
    pandas.DataFrame
        Columns ``date`` (datetime), ``exact`` (False where the kit
        reconstructed the date), ``part`` (Prelude, Episode 1 ... 9) and ``event``.

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
    events = check_frame(timeline() if events is None else events, name="events",
                         columns=["date", "exact", "event"])
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 0.45 * len(events) + 1))
    y = range(len(events), 0, -1)
    ax.scatter(events["date"], y, s=40, color="C0", facecolors=["C0" if e else "white" for e in events["exact"]])
    for date, level, text in zip(events["date"], y, events["event"]):
        ax.annotate(text, (date, level), xytext=(8, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks([])
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.set_xlim(events["date"].min() - pd.Timedelta(days=15), events["date"].max() + pd.Timedelta(days=190))
    ax.set_title("The case, as the kit dates it (filled: date given in the case; hollow: reconstructed)")
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
    roles = ["Amin", "Rasmus", "Berit", "Laila", "Lars", "Ebbe", "caseworkers", "Inge (legal)"]
    return pd.DataFrame("", index=pd.Index(RACI_TASKS, name="task"), columns=roles)


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
    implementation = ["describe the new work process", "decide whether the score goes into Fasit",
                      "train and involve the caseworkers", "decide to start, pause or stop"]
    chart.loc[implementation, "Laila"] = "A"
    chart.loc[implementation, "Amin"] = "I"
    chart.loc["decide to start, pause or stop", "Ebbe"] = "A"
    chart.loc["check the model for bias", "Rasmus"] = "C"
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
        if wrong:
            problems.append(f"{task!r}: cells must be R, A, C, I or empty, but {wrong} was used.")
        if letters.count("A") == 0:
            problems.append(f"{task!r}: nobody is accountable (A).")
        elif letters.count("A") > 1:
            problems.append(f"{task!r}: {letters.count('A')} people are accountable; there should be exactly one.")
        if "R" not in letters:
            problems.append(f"{task!r}: nobody is responsible (R) for doing it.")
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
    table = check_frame(stakeholders() if table is None else table, name="table",
                        columns=["name", "power", "interest"])
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 7))
    ax.scatter(table["interest"], table["power"], color="C0")
    placed = {}
    for name, interest, power in zip(table["name"], table["interest"], table["power"]):
        below = placed[interest, power] = placed.get((interest, power), -1) + 1
        ax.annotate(name, (interest, power), xytext=(5, 4 - 11 * below), textcoords="offset points", fontsize=8)
    ax.axhline(3, color="grey", lw=0.8)
    ax.axvline(3, color="grey", lw=0.8)
    for x, y, label in [(1.1, 5.3, "keep satisfied"), (4.0, 5.3, "manage closely"),
                        (1.1, 0.6, "monitor"), (4.0, 0.6, "keep informed")]:
        ax.text(x, y, label, color="grey", style="italic")
    ax.set(xlim=(0.5, 6), ylim=(0.3, 5.6), xlabel="interest in the project", ylabel="power over the project",
           title="Stakeholders of the data-driven job centre (the kit's reading)")
    return ax

"""Exercises for notebook 07, episode 6: the staff meeting and "what must be done less?".

The hours a lookup and a note cost each caseworker, the interviews dropped when
flagged citizens are also told, a process form that spares both the
conversations and the citizens who will find work anyway, the wrong flags that
would reach *Fasit* in 2019, and who should write the work process.
"""

from casekit.checking import Mistake, Question, Reflection
from casekit.checking import summary as _summary
from casekit.exercises import context
from casekit.thresholds import CITIZENS_PER_YEAR, threshold_summary
from casekit.workload import INTERVIEW_MINUTES, check_form, process_consequences, workload

#: The minutes the first question states (assumptions, like every minute in notebook 07).
LOOKUP, NOTE = 3, 6


def _mine(**changes):
    """The workload with the question's minutes (3 to look up, 6 to note), changed by `changes`."""
    return workload(**{"lookup_minutes": LOOKUP, "note_minutes": NOTE, **changes})


def _flagged(c, *, kinds=("flagged_correctly", "wrongly_flagged")):
    """Citizens a year the pilot tree flags at 0.5 (or only the `kinds` of flags named)."""
    errors = threshold_summary(c.model, c.test, threshold=0.5)
    return sum(errors[kind] for kind in kinds) * CITIZENS_PER_YEAR / len(c.test)


def _explained(citizens_explained):
    """The default workload plus ten minutes to explain a flag to `citizens_explained` citizens."""
    return workload(explain_minutes=10, citizens_explained=citizens_explained)


def _valid(form):
    try:
        check_form(form)
    except (TypeError, ValueError):
        return False
    return True


def _consequences(form, c):
    return process_consequences(form, c.model, c.test)


def _wrongly_told(form, c):
    return _valid(form) and _consequences(form, c)["citizens_wrongly_told_they_are_at_risk"] > 0


def _takes_minutes(form, c):
    return _valid(form) and _consequences(form, c)["minutes_taken_from_conversations"] > 0


def _spares_both(form, c):
    return _valid(form) and not _wrongly_told(form, c) and not _takes_minutes(form, c)


def _seen_but_not_told(form, c):
    return _wrongly_told(form, c) and not form["citizen_told"]


_MINIMAL = {
    "when": "before the interview",
    "who_sees": "the caseworker",
    "written_in_fasit": False,
    "citizen_told": False,
}
_FASIT_FORM = {
    "when": "before the interview",
    "who_sees": "the caseworker and the team leader",
    "written_in_fasit": True,
    "citizen_told": False,
}


def _wrong_flags_in_files(c, citizens):
    return process_consequences(_FASIT_FORM, c.model, citizens)["wrong_flags_in_case_files"]


def _errors_2019(c):
    return threshold_summary(c.model, c.cohort_2019, threshold=0.5)


hours_per_caseworker = Question(
    name="hours per caseworker",
    context=context,
    truth=lambda c: _mine()["hours_per_caseworker"],
    tolerance=0.05,
    mistakes=[
        Mistake(
            lambda c: _mine()["hours_per_year"],
            "That is the hours for the whole job centre. Share them between the caseworkers.",
        ),
        Mistake(
            lambda c: 60 * _mine()["hours_per_caseworker"],
            "Those are minutes per caseworker. Give the answer in hours.",
        ),
        Mistake(
            lambda c: workload()["hours_per_caseworker"],
            "That is the calculator's defaults (2 minutes to look up, 5 to note). Pass the minutes the question "
            "states: lookup_minutes and note_minutes.",
        ),
        Mistake(
            lambda c: _mine(note_minutes=0)["hours_per_caseworker"],
            "You counted only the lookup. The note in Fasit takes time too: it is done for every citizen.",
        ),
        Mistake(
            lambda c: _mine()["interviews_less_per_caseworker"],
            "That counts the 45-minute interviews the time equals. The question asks for hours.",
        ),
    ],
    hints=[
        "workload() from casekit.workload takes the minutes as keyword arguments and returns a Series.",
        "workload(lookup_minutes=3, note_minutes=6) and read the row for one caseworker, not for the year.",
    ],
    worked='hours_per_caseworker = workload(lookup_minutes=3, note_minutes=6)["hours_per_caseworker"]',
    why="Said like this it sounds small, a sliver of a caseworker's year. It is the same number Torben can turn "
    "into conversations with citizens that no longer happen, and nobody has said which ones.",
)

interviews_with_explaining = Question(
    name="interviews dropped when flags are explained",
    context=context,
    truth=lambda c: _explained(_flagged(c))["interviews_less_per_caseworker"],
    tolerance=0.05,
    mistakes=[
        Mistake(
            lambda c: workload()["interviews_less_per_caseworker"],
            "That leaves out the explaining. Add ten minutes for every citizen the tree flags in a year "
            "(explain_minutes and citizens_explained).",
        ),
        Mistake(
            lambda c: _explained(CITIZENS_PER_YEAR)["interviews_less_per_caseworker"],
            "You explained a flag to every citizen. Only the flagged citizens have a flag to explain: "
            "count those the tree flags at 0.5.",
        ),
        Mistake(
            lambda c: _explained(_flagged(c, kinds=("wrongly_flagged",)))["interviews_less_per_caseworker"],
            "You counted only the wrongly flagged citizens. Nobody knows at the interview which flags are "
            "wrong: every flagged citizen is told.",
        ),
        Mistake(
            lambda c: _explained(_flagged(c, kinds=("flagged_correctly",)))["interviews_less_per_caseworker"],
            "You counted only the correctly flagged citizens. Nobody knows at the interview which flags are "
            "right: every flagged citizen is told.",
        ),
        Mistake(
            lambda c: _explained(_flagged(c))["hours_per_caseworker"],
            "That is hours per caseworker. Turn them into 45-minute interviews.",
        ),
        Mistake(
            lambda c: _explained(_flagged(c))["hours_per_year"] * 60 / INTERVIEW_MINUTES,
            "That is the interviews for the whole job centre. Give the number for one caseworker.",
        ),
    ],
    hints=[
        "First count the citizens the tree flags in a year at 0.5: "
        "casekit.threshold_summary(model, test, threshold=0.5) gives "
        "flagged_correctly and wrongly_flagged (the test split holds one year's second interviews).",
        "Then workload(explain_minutes=10, citizens_explained=flagged_per_year) with the default minutes, and "
        "read interviews_less_per_caseworker.",
    ],
    worked="errors = casekit.threshold_summary(model, test, threshold=0.5)\n"
    'flagged_per_year = ((errors["flagged_correctly"] + errors["wrongly_flagged"])\n'
    "                    * casekit.CITIZENS_PER_YEAR / len(test))\n"
    "interviews_with_explaining = workload(explain_minutes=10, citizens_explained=flagged_per_year)"
    '["interviews_less_per_caseworker"]',
    why="Being open with citizens is not free: every flag explained is time taken from something else. A process "
    "that tells citizens must say what gives way, or the explaining is what will quietly be dropped.",
)

good_form = Question(
    name="a form that spares conversations and citizens",
    context=context,
    truth=lambda c: _MINIMAL,
    accept=lambda form, c: _spares_both(form, c),
    mistakes=[
        Mistake(
            lambda c: {**_MINIMAL, "written_in_fasit": "yes"},
            matches=lambda form, c: not _valid(form),
            message=(
                "check_form does not accept this form. Run check_form(your_form) and read what it says is allowed "
                "(True and False are written without quotes)."
            ),
        ),
        Mistake(
            lambda c: {**_MINIMAL, "who_sees": "the caseworker and the citizen"},
            matches=_seen_but_not_told,
            message=(
                "citizen_told is False, but the citizen sees the score, so the citizen is told anyway, wrongly "
                "flagged or not. Look at who_sees."
            ),
        ),
        Mistake(
            lambda c: {**_MINIMAL, "citizen_told": True},
            matches=_wrongly_told,
            message=(
                "Under this form citizens who will find work anyway are told they are at risk: every flagged "
                "citizen is told, and some flags are wrong. Look at citizen_told."
            ),
        ),
        Mistake(
            lambda c: {**_MINIMAL, "when": "during the interview"},
            matches=_takes_minutes,
            message=(
                "Under this form the lookup takes minutes out of the conversation with the citizen. Look at when "
                "the score is looked up."
            ),
        ),
    ],
    hints=[
        "Start from the notebook's forms and run process_consequences(your_form, model, test). Two rows matter: "
        "minutes_taken_from_conversations and citizens_wrongly_told_they_are_at_risk; both must be 0.",
        "Who is told depends on two answers, citizen_told and who_sees. The minutes depend on when.",
        "A dict with the four keys of PROCESS_FORM; e.g. look the score up before the interview and do not show "
        "it to the citizen.",
    ],
    worked='good_form = {"when": "before the interview", "who_sees": "the caseworker",\n'
    '             "written_in_fasit": False, "citizen_told": False}\n'
    'process_consequences(good_form, model, test)[["minutes_taken_from_conversations",\n'
    '                                              "citizens_wrongly_told_they_are_at_risk"]]\n'
    '# "after the interview", the team leader seeing it, or writing it in Fasit also pass,\n'
    "# but each has a cost of its own in the other rows.",
    why="Every form that passes keeps the score away from the citizen. That spares those wrongly flagged a false "
    "warning, but it also means no citizen ever gets the chance to say that a score about them is wrong. "
    "The form settles what the caseworkers and citizens will live with; it cannot make every row zero at once.",
)

wrong_flags_2019 = Question(
    name="wrong flags in Fasit in 2019",
    context=context,
    truth=lambda c: _wrong_flags_in_files(c, c.cohort_2019),
    tolerance=0.5,
    mistakes=[
        Mistake(
            lambda c: _wrong_flags_in_files(c, c.test),
            "That is the number for the pilot's test citizens, the one the notebook shows. Pass cohort_2019.",
        ),
        Mistake(
            lambda c: process_consequences(_FASIT_FORM, c.model, c.cohort_2019)["scores_written_into_case_files"],
            "That counts every score written into Fasit, one per citizen, flagged or not. Count only the wrong "
            "flags among them.",
        ),
        Mistake(
            lambda c: _errors_2019(c)["wrongly_flagged_per_caseworker_per_year"],
            "That is the number for one caseworker. Give the number for the whole job centre.",
        ),
        Mistake(
            lambda c: _errors_2019(c)["wrongly_flagged"] + _errors_2019(c)["flagged_correctly"],
            "That counts every flag written into Fasit. Count only the flags that turn out to be wrong "
            "(citizens who found work).",
        ),
        Mistake(
            lambda c: _errors_2019(c)["missed_per_year"],
            "Those are the citizens the tree missed: they carry no flag at all. Count the flagged citizens who "
            "found work.",
        ),
    ],
    hints=[
        "process_consequences takes the citizens to count on as its third argument: pass cohort_2019 instead of test.",
        'Use the notebook\'s "as the case leaves it" form (written_in_fasit=True) and read the row '
        "wrong_flags_in_case_files.",
    ],
    worked='as_the_case_leaves_it = {"when": "before the interview",\n'
    '                         "who_sees": "the caseworker and the team leader",\n'
    '                         "written_in_fasit": True, "citizen_told": False}\n'
    "wrong_flags_2019 = process_consequences(as_the_case_leaves_it, model, cohort_2019)"
    '["wrong_flags_in_case_files"]',
    why="The tree was never retrained, and after the boom far more of its flags are wrong. Written into Fasit, each "
    "of them stays in a citizen's file, read by the next caseworker, long after the citizen has found work.",
)

who_writes_the_process = Reflection(
    name="who should write the work process",
    hints=[
        "Amin asks Berit and two colleagues to describe the work for all twenty, after the tool was built and "
        "a start date set. Which of the Harwood groups does that look like?",
        "What would it take for every caseworker to shape the process, including the answer to Torben's "
        "question about what to drop? When should it have happened?",
    ],
    model_answer="It is participation through representatives, and late: three caseworkers describe a process for "
    "twenty, after the board has decided, the tree is built and a start is planned. Berit already feels "
    "like a strike-breaker, so the others may see the description as management's, not theirs. "
    "Involving everyone would mean the whole staff meeting working on the questions of the form (when, "
    "who sees, Fasit, the citizen) with the numbers in front of them, trying a draft on a few real "
    "interviews, and deciding together what is done less of to free the time, with a date to look "
    "again. It should have come before the tool was ordered; now it can still be the real start, if "
    "the group's answer can change the plan, including the answer 'not like this'.",
    theory="Participation in change (Coch & French 1948): at the Harwood factory, groups who took part fully in "
    "designing a new method adapted fastest, groups who took part through representatives more slowly, and "
    "groups who were simply told resisted.",
)

QUESTIONS = [hours_per_caseworker, interviews_with_explaining, good_form, wrong_flags_2019, who_writes_the_process]


def summary():
    """Which of this set's questions are done, still wrong or not attempted."""
    return _summary(*QUESTIONS)

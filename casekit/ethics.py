"""Data-ethics principles from Danish public bodies, in the kit's own words, as checklists.

Sources (summarised in the kit's words, never quoted or translated):

- Gladsaxe Kommune, *Dataetisk politik* (web page): five principles.
- KL (Local Government Denmark), proposal for six data-ethics principles for
  municipalities (2018/2019).
- Beskæftigelsesministeriet (Ministry of Employment), *Dataetiske
  retningslinjer*, December 2020: three guidelines. Their statement of purpose
  names profiling of the unemployed as a use that raises ethical questions
  (:data:`MINISTRY_SCOPE`), so a job centre's prediction is exactly what they
  are written for.
- Fremfærd Borger, *Digital stafet*, 20 October 2020: eight points from a
  political panel debate on data in municipalities.
"""

import pandas as pd

from casekit._validation import check_choice

SOURCES = {
    "Gladsaxe": "Gladsaxe Kommune, data-ethics policy",
    "KL": "KL (Local Government Denmark), six proposed principles, 2018/2019",
    "Ministry": "Ministry of Employment, data-ethics guidelines, December 2020 (written with profiling of the "
                "unemployed in view)",
}

#: What the Ministry of Employment's guidelines (December 2020) say they are for, in the kit's words.
MINISTRY_SCOPE = ("The ministry's guidelines single out profiling of the unemployed, along with picking firms for "
                  "inspection by risk, as uses of data that raise ethical questions, and commit the ministry to "
                  "taking a position on when prediction is defensible. A job centre that scores unemployed "
                  "citizens is therefore squarely within their scope.")

# source, number, short name, the principle in plain words, the question to ask of a project
_PRINCIPLES = [
    ("Gladsaxe", 1, "transparency and openness",
     "A citizen should be able to find out in which cases their data are used and to what end, and the "
     "municipality prefers methods it can explain to its staff and to the citizen.",
     "Could every citizen find out that they were scored, on what data, and how?"),
    ("Gladsaxe", 2, "dignity",
     "Solutions must respect privacy; before new technology is used, what it gains the administration is set "
     "against what it costs or risks for the citizen.",
     "Was the gain for the job centre weighed against what a flag costs the citizen?"),
    ("Gladsaxe", 3, "equality, objectivity and fairness",
     "Data are only ever one input among several, methods that risk discriminating are not used, and every data "
     "project is tested for bias (skews by gender, age, ethnicity and the like) as a standing routine.",
     "Was the model tested for bias before use, by district, origin, gender and age?"),
    ("Gladsaxe", 4, "professional integrity",
     "Data serve the professionals, not the other way round: staff must be able to vouch for each decision and "
     "to push back when data clash with what they know, and tools are built together with those who will use "
     "them.",
     "Were the caseworkers involved in building it, and can they overrule it?"),
    ("Gladsaxe", 5, "accountability",
     "Every employee shares responsibility for handling citizens' data safely; data projects go through the "
     "ordinary decision-making chain, their ethical reasoning is put in writing, and the politicians review "
     "them once a year.",
     "Is it written down who answers for the model, and were the ethical questions recorded?"),
    ("KL", 1, "understandable information",
     "A citizen who wants to know how the municipality uses their data should find a plain answer without "
     "searching.",
     "Is there a plain-language explanation a citizen can find and follow?"),
    ("KL", 2, "a framework for good service",
     "Municipalities need the rules and conditions that let them use data to serve people and businesses well.",
     "Did the job centre have the legal basis, budget and rules it needed?"),
    ("KL", 3, "relevance and value",
     "Use only data that matter to the task at hand and make the municipality's work better.",
     "Is it clear what task the prediction helps with, and that it adds value?"),
    ("KL", 4, "confidentiality and integrity",
     "What is known about one person stays confidential, and is kept accurate and unaltered.",
     "Are the scores stored and shared safely, and can wrong data be corrected?"),
    ("KL", 5, "citizens' rights first",
     "Put the citizen's rights at the centre, including their chance to respond and to object.",
     "Can a citizen object to their score and be heard?"),
    ("KL", 6, "access for as short a time as possible",
     "Nobody should hold access to data longer than the task needs.",
     "Who can see a score, and for how long is it kept?"),
    ("Ministry", 1, "transparency about data use",
     "In plain and accessible form, the authority tells people what data it holds and their origin, with whom it "
     "shares them, and how they feed into analyses, case handling and decisions.",
     "Is it public which data the model uses, from which sources, and for what?"),
    ("Ministry", 2, "data and algorithms in context",
     "Because data are never neutral by default, the authority explains how they were gathered and how to read "
     "them, and it does not use an algorithm unless it can be open about which information goes in. The "
     "guidelines name profiling of the unemployed as a case in point.",
     "If unemployed citizens are profiled, is it explained how the data were gathered and what a score means?"),
    ("Ministry", 3, "responsibility anchored everywhere",
     "Responsible data use is not one office's job: knowledge and awareness of data ethics are spread through "
     "the whole organisation.",
     "Does responsibility reach from the board to the caseworkers, or stop at one person?"),
]

# the eight points of the Digital stafet debate, turned into discussion questions in the kit's words
_DIGITAL_STAFET = [
    "Can citizens see and make sense of the data held about them, and did they agree to their use?",
    "Who prepares the staff for the ethical dilemmas that come with using more data?",
    "Where on the scale from routine to complex does this case lie, and how much should a machine decide there?",
    "What new skills does a caseworker need to explain an algorithm's result and to handle a citizen who "
    "disputes it?",
    "Caseworkers err too: is an error that comes from a model worse, better, or just different?",
    "How can data specialists and caseworkers learn to understand each other's work?",
    "Could careful use of data improve the work, e.g. by helping earlier or freeing time for those who need it?",
    "When data could help a citizen, is leaving them unused also an ethical choice?",
]


def principles(source=None):
    """Return the data-ethics principles as a checklist, from one source or all three.

    Parameters
    ----------
    source : {"Gladsaxe", "KL", "Ministry"} or None
        None gives all fourteen.

    Returns
    -------
    pandas.DataFrame
        ``source``, ``number``, ``principle``, ``in_plain_words`` and ``question``.

    Examples
    --------
    >>> principles("Gladsaxe")["principle"].tolist()[2]
    'equality, objectivity and fairness'
    >>> len(principles())
    14
    """
    table = pd.DataFrame(_PRINCIPLES, columns=["source", "number", "principle", "in_plain_words", "question"])
    if source is None:
        return table
    check_choice(source, list(SOURCES), name="source")
    return table[table["source"] == source].reset_index(drop=True)


def digital_stafet():
    """Return the eight points of the *Digital stafet* debate (2020) as discussion questions.

    Examples
    --------
    >>> len(digital_stafet())
    8
    """
    return pd.DataFrame({"number": range(1, 9), "question": _DIGITAL_STAFET})


def scorecard(parts=("Prelude", "Episode 1", "Episode 4", "Episode 8", "Episode 9")):
    """Return an empty scorecard: principles (rows) by parts of the case (columns), to fill with 0, 1 or 2.

    0 = the principle was ignored, 1 = partly honoured, 2 = honoured.

    Examples
    --------
    >>> scorecard().shape
    (14, 5)
    """
    index = pd.MultiIndex.from_frame(principles()[["source", "principle"]])
    return pd.DataFrame(pd.NA, index=index, columns=list(parts), dtype="Int64")

"""Data-ethics principles from Danish public bodies, in the kit's own words, as checklists.

Sources (restated, not quoted):

- Gladsaxe Kommune, *Dataetisk politik* (web page): five principles.
- KL (Local Government Denmark), proposal for six data-ethics principles for
  municipalities (2018/2019).
- Beskæftigelsesministeriet (Ministry of Employment), *Dataetiske
  retningslinjer*, December 2020: three guidelines.
- Fremfærd Borger, *Digital stafet*, 20 October 2020: eight points from a
  political panel debate on data in municipalities.
"""

import pandas as pd

from casekit._validation import check_choice

SOURCES = {
    "Gladsaxe": "Gladsaxe Kommune, data-ethics policy",
    "KL": "KL (Local Government Denmark), six proposed principles, 2018/2019",
    "Ministry": "Ministry of Employment, data-ethics guidelines, December 2020",
}

# source, number, short name, the principle in plain words, the question to ask of a project
_PRINCIPLES = [
    ("Gladsaxe", 1, "transparency and openness",
     "Citizens can see where their data are used and how; methods are chosen so staff and citizens can understand them.",
     "Could every citizen find out that they were scored, on what data, and how?"),
    ("Gladsaxe", 2, "dignity",
     "Privacy is respected; the benefit to the administration is weighed against the risk and burden for the citizen.",
     "Was the gain for the job centre weighed against what a flag costs the citizen?"),
    ("Gladsaxe", 3, "equality, objectivity and fairness",
     "Data must not create or repeat unfair patterns; every data project is tested for bias, and data never stand alone.",
     "Was the model tested for bias before use, by district, origin, gender and age?"),
    ("Gladsaxe", 4, "professional integrity",
     "Professional work comes before technology; staff must be able to stand by decisions and challenge data that "
     "contradict their judgement; solutions are built with the people who will use them.",
     "Were the caseworkers involved in building it, and can they overrule it?"),
    ("Gladsaxe", 5, "accountability",
     "Everyone is responsible for safe and respectful use; projects follow the normal chain of decisions, ethical "
     "considerations are written down, and politicians get a yearly account.",
     "Is it written down who answers for the model, and were the ethical questions recorded?"),
    ("KL", 1, "understandable information",
     "Information about how a citizen's data are used is easy to understand and easy to find.",
     "Is there a plain-language explanation a citizen can find and follow?"),
    ("KL", 2, "a framework for good service",
     "Municipalities need clear conditions for using data to serve citizens and businesses well.",
     "Did the job centre have the legal basis, budget and rules it needed?"),
    ("KL", 3, "relevance and value",
     "Data must be relevant and add value to the municipality's task.",
     "Is it clear what task the prediction helps with, and that it adds value?"),
    ("KL", 4, "confidentiality and integrity",
     "Data about an individual are handled confidentially and kept correct and intact.",
     "Are the scores stored and shared safely, and can wrong data be corrected?"),
    ("KL", 5, "citizens' rights first",
     "Citizens' rights, and their ways of reacting and objecting, are at the centre.",
     "Can a citizen object to their score and be heard?"),
    ("KL", 6, "access for as short a time as possible",
     "Access to data is given for as short a time as possible.",
     "Who can see a score, and for how long is it kept?"),
    ("Ministry", 1, "transparency about data use",
     "Say clearly which data the authority holds and where they come from, whom they are shared with, and what "
     "they are used for, including in case handling and decisions.",
     "Is it public which data the model uses, from which sources, and for what?"),
    ("Ministry", 2, "data and algorithms in context",
     "Data are not always objective, so explain how they were collected and how to read them; do not use "
     "algorithmic processing where it cannot be made clear which information is used.",
     "Is it explained how the data were collected and what the model's output means?"),
    ("Ministry", 3, "responsibility anchored everywhere",
     "Responsibility for data ethics is rooted across the whole organisation, with shared knowledge and awareness.",
     "Does responsibility reach from the board to the caseworkers, or stop at one person?"),
]

# the eight points of the Digital stafet debate, as questions for discussion
_DIGITAL_STAFET = [
    "Do citizens have access to their own data, do they understand them, and have they consented to their use?",
    "Are staff prepared for the ethical dilemmas that more data use brings?",
    "The heavier and more complex a case, the more the machine should only support: where does this case fall?",
    "How do caseworkers' roles and skills change when they must also explain an algorithm and handle objections to it?",
    "People have always made mistakes in case handling: is a data-driven mistake different?",
    "How do data specialists and caseworkers come to speak the same language?",
    "Used with care, could data raise the quality of the work, e.g. earlier help or more time for those who need it?",
    "If data could help a citizen, can the municipality afford not to use them?",
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

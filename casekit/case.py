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
"""

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from casekit._validation import check_choice, check_frame

# The people of the case, one dict each: the kit's reading of them across the whole story.
# (Who takes part in which role-play is not stored here: people() derives it from _CARDS.)
_PEOPLE = [
    dict(name="Amin Roble", role="head of the job centre", unit="Social & Health: job centre",
         wants="more unemployed citizens in work, with his staff behind the change",
         worries="not knowing what his caseworkers should do differently because of a score",
         knows="his staff, their workload and the citizens they serve",
         does_not_know="what the 88.7 % rests on, and what the board expects him to deliver"),
    dict(name="Rasmus Andersen", role="team lead of the small data unit", unit="Digitalisation department",
         wants="the pilot tree in daily use",
         worries="a score read as a verdict, and a production version that is not ready in time",
         knows="how the tree was built, its confidence interval and its false-positive rate",
         does_not_know="what a caseworker's day looks like, and what a flag would change in it"),
    dict(name="Berit Johannesen", role="experienced caseworker, lent to the pilot", unit="Social & Health: job centre",
         wants="judgements about citizens' chances that rest on evidence as well as experience",
         worries="being seen by colleagues as siding with management",
         knows="the pilot from the inside, and the caseworkers' daily work",
         does_not_know="how management means to use the scores, and who will answer for errors"),
    dict(name="Laila Bernsgaard", role="director and Amin's manager", unit="Social & Health",
         wants="the board's decision carried out without trouble",
         worries="bad press and a nervous municipal director",
         knows="what the board decided, and that she answers for putting it into practice",
         does_not_know="the mood among the caseworkers, and the model's limits"),
    dict(name="Lars Schütze", role="head of digitalisation", unit="Digitalisation department",
         wants="data put to concrete use across the municipality",
         worries="projects that stall without an owner",
         knows="the municipality's data projects and who delivers them",
         does_not_know="whether IT security and the legal basis have been checked for this project"),
    dict(name="Ebbe Nielsen", role="director of Children & Culture, strategic lead for data", unit="Board of directors",
         wants="early, concrete uses of data that improve the service citizens get",
         worries="the municipality falling behind others",
         knows="the municipality's data strategy and its other data projects, including the one on children",
         does_not_know="how the job centre works, and what the tree gets wrong"),
    dict(name="Tina S. Mortensen", role="secretary to the municipal director", unit="Board of directors",
         wants="clear minutes of what was decided",
         worries="nothing in particular; she records the decision",
         knows="exactly what the board's minutes say",
         does_not_know="what the decision means in practice"),
    dict(name="Arne Robieros", role="very experienced caseworker", unit="Social & Health: job centre",
         wants="concrete answers before he commits himself",
         worries="risk flags getting out, and being unpopular with management",
         knows="long experience of citizens' cases, and how earlier changes played out",
         does_not_know="how the scores will be stored, and who may see them"),
    dict(name="Valery Plavkovic", role="caseworker", unit="Social & Health: job centre",
         wants="conversation and sound advice to remain the core of the job",
         worries="staff split into teams by score, and citizens stuck with a wrong label",
         knows="what a caseworker's advice can do for a citizen",
         does_not_know="whether management plans to reorganise the teams"),
    dict(name="Torben Juelsgaard", role="caseworker", unit="Social & Health: job centre",
         wants="time with citizens protected: new work should replace old work, not pile on top",
         worries="being measured on whether the citizens the model expects to find work actually do",
         knows="how little slack there is in a caseworker's week",
         does_not_know="what management will do with the data, and whether caseworkers will be measured by it"),
    dict(name="Inge Reitov", role="chief legal counsel", unit="Staff functions: legal",
         wants="a reply to the union that holds up in law",
         worries="being brought in only when there is a crisis",
         knows="administrative law: equal treatment, access to documents, the duty to give reasons",
         does_not_know="how the model works and what data it uses"),
    dict(name="the municipal director", role="top civil servant", unit="Board of directors",
         wants="a showcase project for the council and, in time, the public",
         worries="headlines about data misuse",
         knows="the mood of the council and of the press",
         does_not_know="anything about the model beyond its headline figure"),
    dict(name="Majbritt Herlev Nielsen", role="district chair",
         unit="Dansk Socialrådgiverforening (social workers' union)",
         wants="caseworkers' professional discretion and equal treatment protected",
         worries="citizens sorted by statistics instead of judged as whole people",
         knows="what her members tell her, and the law on discrimination and discretion",
         does_not_know="what the municipality actually plans to do with the scores"),
]

#: The kit's two role-plays: key -> title, the part of the case, the scene to read out,
#: and what the kit stages that the case does not (print it as a "Not in the case" note).
ROLE_PLAYS = {
    "introduction meeting": dict(
        title="the introduction meeting for staff (episode 4)",
        part="Episode 4",
        scene="A Monday morning, some weeks after the board said yes. The job centre's caseworkers who help "
              "unemployed people into work, about twenty of them, hear about the prediction for the first time. "
              "Laila opens, Amin and Rasmus explain the idea, Berit describes how the pilot was made, and then "
              "the floor has its questions.",
        not_in_the_case="Of the caseworkers in the room the case names only Berit, Arne and Valery. The kit seats "
                        "Torben too (he is one of the caseworkers the meeting is for, but the case names him only "
                        "from episode 5) and adds a younger caseworker, an invented person standing for the "
                        "younger staff the case mentions as a group. Lars, head of digitalisation, is not at this "
                        "meeting in the case and has no card here.",
    ),
    "union reply": dict(
        title="the reply to the social workers' union (episode 9)",
        part="Episode 9",
        scene="Early May 2019, about two weeks before the planned start. A letter from the district chair of the "
              "social workers' union asks how scoring citizens fits with the law and with caseworkers' "
              "professional judgement, and mentions the Ombudsman. The municipality must answer; the reply is "
              "drafted the same afternoon.",
        not_in_the_case="In the case Laila meets Amin and Inge, Amin and Inge write the draft, and Laila then "
                        "takes the matter to the municipal director. The kit seats the director, Ebbe (the case "
                        "has Laila think of raising it with the whole board of directors), Berit (whose group had "
                        "just asked whether citizens should be told their score) and the district chair, Majbritt "
                        "Herlev Nielsen, at one table; in the case the union only writes. The role-play is set "
                        "before anything is decided that evening, so no card knows how it ends.",
    ),
}

# One card per person per role-play: what the person knows AT THAT EPISODE, in the second person.
# Episode 4's cards know nothing of what comes later (the delayed start, the stolen computers, the letter).
# in_the_case is False for a role the kit adds for the role-play's sake.
_CARDS = [
    # --- Episode 4: the introduction meeting for staff ---
    dict(role_play="introduction meeting", name="Laila Bernsgaard", in_the_case=True,
         role="director and Amin's manager", unit="Social & Health",
         task="You open the meeting and say why the municipality wants to use data.",
         wants="You want the caseworkers to see the prediction as the municipality's direction, and the board's "
               "decision carried out under your responsibility without trouble.",
         fears="You fear that the meeting turns into a debate about whether management trusts its staff.",
         knows="You know that the board said yes in January, that its minutes make you answerable for putting "
               "the decision into practice, and that no separate budget comes with it.",
         does_not_know="You do not know how the tree works in any detail, or how the caseworkers feel about it: "
                       "nobody has asked them yet."),
    dict(role_play="introduction meeting", name="Amin Roble", in_the_case=True,
         role="head of the job centre", unit="Social & Health: job centre",
         task="You called this meeting; you chair it and say what the idea means for the job centre.",
         wants="You want your staff to leave curious rather than suspicious, and to spend the first months "
               "getting used to the scores before anyone changes how citizens are met.",
         fears="You fear questions you cannot answer, above all what a caseworker should do differently when the "
               "system says a citizen will probably still be out of work in a year.",
         knows="You know the plan agreed with Lars, Laila and Rasmus: caseworkers will look each citizen up in a "
               "small system whose answer supports, not replaces, their decision, with a pilot accuracy of 88.7 %. "
               "You know your staff; privately you count Arne as a habitual grumbler who now and then has a point.",
         does_not_know="You do not know what the 88.7 % rests on, whether the score will be written into the "
                       "citizen's file in Fasit, or what exactly should change in the daily work."),
    dict(role_play="introduction meeting", name="Rasmus Andersen", in_the_case=True,
         role="team lead of the small data unit", unit="Digitalisation department",
         task="You explain the statistical model.",
         wants="You want the tree your unit built with Berit's help to be used in everyday casework.",
         fears="You fear that the room takes 88.7 % to mean the tree is never wrong, or throws it out because it "
               "sometimes is.",
         knows="You know how the tree was built: trained on the municipality's past cases to predict who is still "
               "unemployed twelve months after the second interview, from residence, gender, age and what "
               "citizens entered on Jobnet about their work history and education. You know its confidence "
               "interval and false-positive rate, and that each prediction can be traced to a few simple rules.",
         does_not_know="You do not know what a caseworker's day looks like, or what a flag would change in it."),
    dict(role_play="introduction meeting", name="Berit Johannesen", in_the_case=True,
         role="experienced caseworker, lent to the pilot", unit="Social & Health: job centre",
         task="You tell your colleagues how the pilot analysis was done.",
         wants="You want judgements about a citizen's chances to rest on evidence as well as experience, because "
               "you have seen seasoned colleagues misjudge them.",
         fears="You fear that your colleagues see the pilot as management's project rather than one a caseworker "
               "helped to shape.",
         knows="You know the pilot from the inside: the data workshop with Rasmus's unit and which facts about "
               "citizens went into the tree. You know the daily work of everyone in the room.",
         does_not_know="You do not know how management means to use the scores, whether they will go into Fasit, "
                       "or who will answer for a wrong one."),
    dict(role_play="introduction meeting", name="Arne Robieros", in_the_case=True,
         role="very experienced caseworker", unit="Social & Health: job centre",
         task="You listen, and say what you think when it matters.",
         wants="You want concrete answers before you commit yourself; you can see the sense in predictions if the "
               "data are right and the staff know what to do with them.",
         fears="You fear standing out as difficult: you believe Amin has had his eye on you since some trouble a "
               "few years ago, and at your age another job would be hard to find.",
         knows="You know more citizens' cases than almost anyone in the room, and you like Berit, who helped make "
               "the tree.",
         does_not_know="You do not know what management expects you to do differently, or whether it still "
                       "trusts the caseworkers to do their job."),
    dict(role_play="introduction meeting", name="Valery Plavkovic", in_the_case=True,
         role="caseworker", unit="Social & Health: job centre",
         task="You ask what the prediction will mean for the way you work with citizens.",
         wants="You want the job to stay about conversations with citizens and sound advice, which you see as "
               "the job centre's real strength.",
         fears="You fear that citizens will be judged by a number instead of met as people, and that this is one "
               "more change handed down from above.",
         knows="You know how much has changed lately: the front counter went, and nearly everyone moved desks.",
         does_not_know="You do not know whether the prediction will change who handles which citizens, or "
                       "whether management thinks the caseworkers are not good enough."),
    dict(role_play="introduction meeting", name="Torben Juelsgaard", in_the_case=True,
         role="caseworker", unit="Social & Health: job centre",
         task="You ask what the new work will cost in time.",
         wants="You want your time with citizens and firms protected: if the prediction adds work, something "
               "else has to go.",
         fears="You fear more administration from management, and that caseworkers will be measured on whether "
               "the citizens the system expects to find work actually do.",
         knows="You know how little room there is in a caseworker's week, and that new tasks from above have "
               "landed in it before.",
         does_not_know="You do not know what management will do with the data once it has them, or whether any "
                       "money comes with the project."),
    dict(role_play="introduction meeting", name="a younger caseworker", in_the_case=False,
         role="caseworker, one of the younger staff", unit="Social & Health: job centre",
         task="You react as many of the younger staff do: with interest.",
         wants="You want the job centre to work in a more up-to-date way, and you are curious to try the tool.",
         fears="You fear that your older colleagues' doubts will stop it before it has been tried.",
         knows="You know your way around data and IT systems better than many colleagues.",
         does_not_know="You do not know how the tree reaches its answer, or how often it is wrong for citizens "
                       "like the ones you see."),
    # --- Episode 9: the reply to the social workers' union (the afternoon the letter arrives) ---
    dict(role_play="union reply", name="Amin Roble", in_the_case=True,
         role="head of the job centre", unit="Social & Health: job centre",
         task="You draft the reply with Inge.",
         wants="You want a reply that reassures the union and keeps the start date, two weeks away; you hope the "
               "union will accept a meeting to go through the plans.",
         fears="You fear that the letter and the headlines about the stolen computers together sink the project, "
               "and that you can no longer tell your staff it is under control.",
         knows="You know the start was moved five weeks because the production system was not ready; Berit's "
               "group has written a work process and asked whether citizens should be told their own score; Arne "
               "has asked what happens if the flags get out; and neither IT nor legal has come back to you.",
         does_not_know="You do not know how the municipal director will react, whether citizens will be told "
                       "their score, or which of your staff went to the union."),
    dict(role_play="union reply", name="Inge Reitov", in_the_case=True,
         role="chief legal counsel", unit="Staff functions: legal",
         task="You draft the reply with Amin and make sure it holds in law.",
         wants="You want a reply that stands up in administrative law and promises nothing the municipality has "
               "not decided.",
         fears="You fear that the union takes the matter to the Parliamentary Ombudsman, and you notice that "
               "legal is brought in only now that there is a problem.",
         knows="You know the rules on equal treatment, on a citizen's access to their own file, and on giving "
               "reasons for decisions. You had never met Amin before today.",
         does_not_know="You do not know how the model works, what data it uses, or how caseworkers are meant to "
                       "use its answer."),
    dict(role_play="union reply", name="Laila Bernsgaard", in_the_case=True,
         role="director and Amin's manager", unit="Social & Health",
         task="You called Amin and Inge in, and you will take the matter to the municipal director.",
         wants="You want the union answered soon, and calm around a project the board made you responsible for.",
         fears="You fear that the director loses his nerve after the headlines about the theft, and you wonder "
               "how the mayor and the council will react.",
         knows="You know the letter is addressed to you, that the press is writing about the stolen computers "
               "and about the municipality's plans to use data on children, and that the project has not started.",
         does_not_know="You do not know whether the municipality can answer every question in the letter: many "
                       "details were never settled."),
    dict(role_play="union reply", name="the municipal director", in_the_case=True,
         role="top civil servant", unit="Board of directors",
         task="You hear everyone, then decide what happens to the project.",
         wants="You want the municipality out of the headlines, and still a data project you can show the "
               "council and, in time, the public.",
         fears="You fear a second story about careless handling of data, this time about unemployed citizens.",
         knows="You know the press coverage first-hand: you have been the municipality's voice since the theft. "
               "You know the board approved the job centre's project in January.",
         does_not_know="You do not know the model beyond its headline figure, or what the caseworkers think of "
                       "it."),
    dict(role_play="union reply", name="Ebbe Nielsen", in_the_case=True,
         role="director of Children & Culture, strategic lead for data", unit="Board of directors",
         task="You speak for the municipality's data strategy.",
         wants="You want the municipality to go on using data in concrete areas, with the job centre as a first "
               "showcase.",
         fears="You fear that one theft and one letter put a stop to all the municipality's data work, including "
               "the tool for spotting vulnerable children early.",
         knows="You know the data strategy and the other projects, among them the children's tool, which has "
               "already been criticised for surveillance, for singling out families by where they live, and by "
               "this same union for pushing aside social workers' expertise.",
         does_not_know="You do not know how the job centre works day to day, or what its caseworkers asked at the "
                       "introduction meeting."),
    dict(role_play="union reply", name="Berit Johannesen", in_the_case=True,
         role="experienced caseworker, lent to the pilot", unit="Social & Health: job centre",
         task="You speak for the small group that described the work process.",
         wants="You want your group's work process to shape the reply, and a clear answer on whether and how "
               "citizens are told their score.",
         fears="You fear that colleagues now see you as having sided with management against them.",
         knows="You know what your colleagues worry about: time taken from citizens, being measured by the "
               "system's predictions, and citizens sorted by a number.",
         does_not_know="You do not know which colleagues contacted the union."),
    dict(role_play="union reply", name="Majbritt Herlev Nielsen", in_the_case=True,
         role="district chair", unit="Dansk Socialrådgiverforening (social workers' union)",
         task="You put the union's questions to the municipality and judge its reply.",
         wants="You want straight answers: what the municipality plans to do with the scores, how that fits the "
               "law, and how caseworkers keep their professional judgement.",
         fears="You fear for the unemployed citizens who are worst off if help is steered by statistics.",
         knows="You know what union members at the job centre have told you, and your union's earlier criticism "
               "of the municipality's tool for children.",
         does_not_know="You do not know the municipality's concrete plans, or what it has and has not decided."),
]
_CARD_COLUMNS = ["role_play", "name", "in_the_case", "role", "unit", "task", "wants", "fears", "knows",
                 "does_not_know"]

#: Slip 7 of issue 10: the case's appendix 2 dates its newspaper article before the story's theft.
LEAK_ARTICLE = dict(
    printed_date="2018-12-12",
    theft="the weekend of 30 November to 3 December 2018",
    story_part="Episode 8",
    note="The newspaper page reproduced as the case's appendix 2 is dated Wednesday 12 December 2018 and puts the "
         "break-in in the weekend of 30 November to 3 December 2018: six weeks before the board meeting of 23 "
         "January 2019. The story brings the theft into the news in episode 8, after the introduction meeting, in "
         "spring 2019 (the kit's reconstruction). The kit follows the story's order. The appendix's dates match "
         "the real theft from Gladsaxe's town hall, which the headlines quoted in episode 8 name.",
)

# What happens when: date, exact (given by the case) or reconstructed by the kit, part of the case, event.
_EVENTS = [
    dict(date="2018-10-01", exact=False, part="Prelude",
         event="Rasmus and Amin meet by chance and talk about data for the unemployed"),
    dict(date="2018-11-15", exact=False, part="Prelude",
         event="Berit joins a data workshop; a pilot tree reaches 88.7 % accuracy"),
    dict(date="2019-01-23", exact=True, part="Episode 1",
         event="The board of directors approves a 'data-driven job centre' in a brief item"),
    dict(date="2019-01-28", exact=True, part="Episode 1",
         event="Tina e-mails the minutes: approved, no budget of its own, Laila answerable"),
    dict(date="2019-02-20", exact=False, part="Episode 2",
         event="Weeks turn into months; nobody takes charge; the data supplier is not in place"),
    dict(date="2019-03-11", exact=False, part="Episode 3",
         event="Lars calls an implementation meeting: caseworkers are to look citizens up"),
    dict(date="2019-03-18", exact=False, part="Episode 4",
         event="Introduction meeting for the ~20 caseworkers; questions go unanswered"),
    dict(date="2019-03-19", exact=False, part="Episode 5",
         event="Amin is ill for a week; the vendor is behind and the start moves five weeks"),
    dict(date="2019-03-29", exact=False, part="Episode 6",
         event="Friday staff meeting: no extra money; Berit's group to describe the process"),
    dict(date="2019-04-01", exact=False, part="Episode 7",
         event="Coffee-room talk: fears of sorting by score; Amin rules out reorganising"),
    dict(date="2019-04-10", exact=False, part="Episode 8",
         event="The press reports stolen computers holding 20,000 citizens' data"),
    dict(date="2019-04-17", exact=False, part="Episode 8",
         event="Arne asks Amin about flags getting out; IT and legal have no time"),
    dict(date="2019-05-03", exact=True, part="Episode 9",
         event="The social workers' union writes to the municipality"),
    dict(date="2019-05-06", exact=False, part="Episode 9",
         event="Project paused for at least a month; external review of data security"),
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

# Each failure with the part of the case it belongs to, the Kotter step (1-8) it breaks and its Lewin stage:
# the kit's reading, for students to argue with.
_FAILURES = [
    dict(failure="no problem or purpose defined for the prediction", part="Prelude", kotter_step=3,
         lewin="unfreeze"),
    dict(failure="approved without budget, success criteria or a day-to-day owner", part="Episode 1",
         kotter_step=2, lewin="unfreeze"),
    dict(failure="enthusiasm at the top, silence towards the caseworkers", part="Episode 1", kotter_step=4,
         lewin="unfreeze"),
    dict(failure="weeks with nobody in charge of the next step", part="Episode 2", kotter_step=2, lewin="unfreeze"),
    dict(failure="staff brought in late, with the board's priority as the main argument", part="Episode 4",
         kotter_step=1, lewin="unfreeze"),
    dict(failure="the staff's questions left unanswered", part="Episode 4", kotter_step=4, lewin="change"),
    dict(failure="the leader away at a critical time, and nobody checks the mood on the floor", part="Episode 5",
         kotter_step=2, lewin="change"),
    dict(failure="a late vendor sets the pace; the start slips five weeks", part="Episode 5", kotter_step=6,
         lewin="change"),
    dict(failure="the work process described only after the decision", part="Episode 6", kotter_step=5,
         lewin="change"),
    dict(failure="no time or money set aside, and no task dropped to make room", part="Episode 6", kotter_step=5,
         lewin="change"),
    dict(failure="fears of sorting and stigma met with reassurance, not answers", part="Episode 7", kotter_step=4,
         lewin="change"),
    dict(failure="legal and IT brought in only when there is a crisis", part="Episode 8", kotter_step=2,
         lewin="change"),
    dict(failure="no plan for data security or for telling citizens", part="Episode 9", kotter_step=3,
         lewin="change"),
    dict(failure="an outside shock pauses the project before anything is anchored", part="Episode 9",
         kotter_step=8, lewin="refreeze"),
]

# Power over the project and interest in it (1-5) for each person: the kit's reading of the case.
_STAKES = [
    dict(name="Amin Roble", power=3, interest=5), dict(name="Rasmus Andersen", power=2, interest=5),
    dict(name="Berit Johannesen", power=1, interest=4), dict(name="Laila Bernsgaard", power=4, interest=3),
    dict(name="Lars Schütze", power=3, interest=4), dict(name="Ebbe Nielsen", power=4, interest=4),
    dict(name="Tina S. Mortensen", power=1, interest=1), dict(name="Arne Robieros", power=1, interest=4),
    dict(name="Valery Plavkovic", power=1, interest=4), dict(name="Torben Juelsgaard", power=1, interest=5),
    dict(name="Inge Reitov", power=3, interest=2), dict(name="the municipal director", power=5, interest=3),
    dict(name="Majbritt Herlev Nielsen", power=3, interest=5),
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
    table = pd.DataFrame(_PEOPLE, columns=["name", "role", "unit", "wants", "worries", "knows", "does_not_know"])
    cast = casts()
    table["role_plays"] = [", ".join(play for play in ROLE_PLAYS if name in cast[play]) or "none"
                           for name in table["name"]]
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


#: The parts of the case, in order, as :func:`failures` and :func:`timeline` name them.
PARTS = ["Prelude"] + [f"Episode {number}" for number in range(1, 10)]

# A better plan, in order: the kit's worked example for students to reorder and edit.
_PLAN = [
    ("Put the problem in numbers: who becomes long-term unemployed, and which early help works",
     "Amin, Rasmus, Berit", "before the board", "KL 3", 1),
    ("Form a steering group: one owner, caseworkers, legal, IT security, the union's representative",
     "Laila (owner)", "month 1", "Ministry 3", 2),
    ("Write down the purpose, what a flag leads to, success criteria, the budget and what work stops",
     "steering group", "month 1", "KL 2", 3),
    ("Audit the pilot tree for bias and drift on the newest cohort, and publish what it uses",
     "Rasmus, Berit", "month 1", "Gladsaxe 3; Ministry 1", 3),
    ("Meet all caseworkers: how the data were made, what a score means, their questions answered",
     "Amin, Rasmus, Berit", "month 2", "Ministry 2", 4),
    ("Write a plain-language note for citizens: that they are scored, on what, and how to object",
     "Inge, Berit's group", "month 2", "KL 1; KL 5; Gladsaxe 1", 4),
    ("Settle the legal basis, data security, who may see a score and for how long",
     "Inge, Lars", "month 2", "KL 4; KL 6", 5),
    ("Let caseworkers design the work process, with the right to overrule a flag, and free the hours",
     "Berit's group, Amin", "month 3", "Gladsaxe 4", 5),
    ("Run a small, time-boxed trial with volunteers; weigh the gain against the burden on citizens",
     "Berit's group", "months 4-6", "Gladsaxe 2", 6),
    ("Review accuracy, bias and hours on each new cohort; adjust, scale up or stop",
     "steering group", "every 6 months", "Gladsaxe 3", 7),
    ("Record the ethical choices, report yearly to the council, make the review routine",
     "Laila, Amin", "yearly", "Gladsaxe 5", 8),
]


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
    plan.index = pd.RangeIndex(1, len(plan) + 1, name="number")
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
            raise ValueError(f"`leave_out` must hold step numbers of the plan, {plan.index.tolist()}, "
                             f"but {number!r} was passed.")
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
    return pd.Series({
        "steps checked": f"{len(plan)}" + (f" (left out: {', '.join(map(str, leave_out))})" if leave_out else ""),
        "codes that are not principles": ", ".join(unknown) or "none",
        "Kotter steps not served": "; ".join(missing_steps) or "none, all eight are covered",
        "sources not served": ", ".join(missing_sources) or "none, Gladsaxe, KL and the Ministry all appear",
        "principles served": f"{served.nunique()} of {len(codes)}; not yet: {', '.join(not_yet) or 'none'}",
        "Kotter's order": "kept" if not out_of_order else "left at: " + "; ".join(out_of_order),
    }, name="check")


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
        _, axes = plt.subplots(1, 2, figsize=(12, 4), width_ratios=[3, 1])
    left, right = axes
    left.barh([f"{i}. {s}" for i, s in enumerate(KOTTER_STEPS, 1)], per_step.to_numpy())
    left.invert_yaxis()
    left.set(xlabel="number of failures", title="Failures per Kotter step (the kit's reading)")
    right.bar(per_stage.index, per_stage.to_numpy(), color="C1")
    right.set(xlabel="Lewin's stage", ylabel="number of failures", title="Failures per Lewin stage")
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
    table = check_frame(failures() if table is None else table, name="table",
                        columns=["part", "kotter_step", "lewin"])
    row = table["part"].map(PARTS.index) + 0.15 * table.groupby(["part", "kotter_step"]).cumcount()
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 5))
    for stage, colour in zip(LEWIN_STAGES, ["C0", "C1", "C2"]):
        mine = table["lewin"].astype(str) == stage
        ax.scatter(table.loc[mine, "kotter_step"], row[mine], s=120, color=colour, alpha=0.8, label=stage)
    ax.set(xticks=range(1, 9), yticks=range(len(PARTS)), yticklabels=PARTS, xlim=(0.5, 8.5),
           ylim=(len(PARTS) - 0.5, -0.5),
           xlabel="Kotter's step the failure breaks (1 = urgency … 8 = anchor in the culture)",
           ylabel="part of the case", title="Where and when the project failed (the kit's reading)")
    ax.legend(title="Lewin's stage")
    return ax

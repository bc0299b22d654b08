"""Council data: the typed schema of `councils/<slug>.yml` (loading it: loading.py).

`parentinfo schema` exports it as JSON Schema, `parentinfo new SLUG` writes a commented skeleton.
Every field has a docstring: it is what a council web team reads.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator

from parentinfo.data.facts import (
    After,
    Children,
    Complaints,
    Decisions,
    Exclusion,
    Invitation,
    OnTheDay,
    ParentAdvocacy,
    Practical,
    PreMeeting,
    Reports,
    Solicitor,
    Supporter,
)
from parentinfo.data.values import (
    SLUG,
    Colour,
    Contact,
    Email,
    Interval,
    LanguageCode,
    Model,
    Name,
    Note,
    Period,
    PhoneNumber,
    Text,
    Url,
    Venue,
)
from parentinfo.languages import LANGUAGES, SOURCE_LANGUAGE

__all__ = ["SLUG", "Contact", "Council", "Model"]


class Chair(Model):
    """The person who runs the conference. The guide calls them "the chair" in every language and
    shows the council's own title beside it, as a name."""

    title: Name
    """What the council calls the chair, e.g. "Independent Chairperson"."""
    unit: Name | None = None
    """The team the chair comes from, e.g. "Safeguarding Unit"."""


class Scale(Model):
    name: Name | None = None
    """The scale's local name, e.g. "Safety Scale"."""
    zero: Text
    """What 0 means on the 0 to 10 scale, e.g. "people are very worried about your child's safety"."""
    ten: Text
    """What 10 means on the 0 to 10 scale."""


class Approach(Model):
    name: Name | None = None
    """The named way of working, e.g. "Signs of Safety" or "Strengths Based Approach"."""
    about: Text | None = None
    """One sentence on what the approach means for the family."""
    danger_statements: bool = False
    """The social worker presents danger statements at the conference."""
    whiteboard: bool = False
    """Information is written on a whiteboard everyone can see."""
    whiteboard_by_chair: bool = False
    """The chair writes on the whiteboard."""
    whiteboard_copy: bool = False
    """The parent gets a copy of what was written on the whiteboard."""
    whiteboard_headings: list[Text] = []
    """The questions or columns on the whiteboard."""
    actions_on_whiteboard: bool = False
    """The actions that will help reach the safety goal are agreed and written on the whiteboard."""
    scale: Scale | None = None
    """Scaling questions from 0 to 10."""
    safety_goals: bool = False
    """The conference agrees safety goals."""


class Timescales(Model):
    first_conference: Period | None = None
    """The first conference is held within this time of the strategy meeting."""
    core_group_first: Period | None = None
    """The first core group meeting happens within this time after the conference."""
    core_group_every: Interval | None = None
    """How often the core group meets."""
    visits_every: Interval | None = None
    """How often the social worker visits at home."""
    first_review: Period | None = None
    """The first review conference happens within this time after the first conference."""
    later_reviews: Interval | None = None
    """How often review conferences happen after the first review."""
    child_in_need_meeting: Period | None = None
    """If there is no child protection plan, a child in need meeting happens within this time."""


class About(Model):
    """What the leaflet says about conferences in general."""

    working_together: bool = False
    """It names the government guidance "Working Together to Safeguard Children"."""
    initial_and_review: bool = False
    """It says the first conference is called an initial conference and later ones reviews."""


Attendee = Literal[
    "social worker",
    "police",
    "GP",
    "doctors",
    "health visitor",
    "teacher",
    "school nurse",
    "probation officer",
    "your child",
    "your child's advocate",
    "family members",
    "anyone with parental responsibility",
    "professionals who work with your children",
    "police and GP always",
]


class Formats(Model):
    """How to ask for the guide in another language or format."""

    team: Name | None = None
    """The team to contact, if the leaflet names one."""
    phone: PhoneNumber | None = None
    """Phone number to ask on."""
    email: Email | None = None
    """Email to ask on."""
    own_language: bool = False
    """The leaflet says you can ask for the guide in your own language."""
    other_formats: bool = False
    """The leaflet says you can ask for it in another language or format, such as large print."""


class OwnWords(Model):
    """The council's own sentences, for what no typed field can say. Each is translated for this
    council only; until it is, its pages show it in English, marked, and say so."""

    about: list[Text] = []
    """About conferences in this area (first page)."""
    before: list[Text] = []
    """Before the conference."""
    on_the_day: list[Text] = []
    """On the day."""
    after: list[Text] = []
    """After the conference."""


class Unconfirmed(Model):
    """A seed fact that is blank, broken or of unknown date: reported at build time, never printed."""

    fact: Note
    """What the fact is about."""
    seed: Note
    """What the seed leaflet says, as extracted."""
    why: Note
    """Why it cannot be printed."""


def _not_in_the_future(day: datetime.date) -> datetime.date:
    # A date to come would claim facts checked that nobody has checked, and silence the
    # warning that they are out of date.
    if day > datetime.date.today():
        raise ValueError(f"expected the day the facts were checked, found {day.isoformat()}, which is in the future")
    return day


class Council(Model):
    """One council's data file, `councils/<slug>.yml`."""

    slug: str
    """From the file name: the council's folder in `site/`."""
    name: Name
    """The area's name as parents know it, e.g. "Solihull"."""
    checked: Annotated[datetime.date, AfterValidator(_not_in_the_future)]
    """When these facts were last checked (YYYY-MM-DD, not later than today); pages show
    "Information checked: month year"."""
    organisation: Name | None = None
    """The council's full name, where the leaflet gives it, e.g. "Somerset County Council"."""
    partnership: Name | None = None
    """The local safeguarding children partnership or board, e.g. "Solihull Local Safeguarding
    Children Partnership"."""
    runs_conferences: Name | None = None
    """Who runs conferences, if not the council itself, e.g. "Doncaster Children's Services Trust"."""
    site_url: Url
    """Where the web team will publish `site/<slug>/` (a deployment setting)."""
    colour: Colour
    """Header colour, dark enough for white text."""
    languages: list[LanguageCode] = Field(default=list(LANGUAGES), min_length=1)
    """Languages to publish, as ISO 639-1 codes; every language parentinfo has by default."""
    chair: Chair
    """Who chairs the conference."""
    venue: Venue | None = None
    """Where conferences are usually held."""
    about: About = About()
    """What the leaflet says about conferences in general."""
    approach: Approach = Approach()
    """The local way of running conferences."""
    timescales: Timescales = Timescales()
    """Local time limits and how often things happen."""
    invitation: Invitation = Invitation()
    """How you are told about the conference."""
    reports: Reports = Reports()
    """The reports written for the conference."""
    pre_meeting: PreMeeting | None = None
    """The chair meets you before the conference starts."""
    supporter: Supporter | None = None
    """You can bring someone for support."""
    solicitor: Solicitor | None = None
    """You can bring a solicitor."""
    practical: Practical = Practical()
    """Help so you can come and take part."""
    parent_advocacy: ParentAdvocacy | None = None
    """An advocate for parents."""
    attendees: list[Attendee] = []
    """Who may be at the conference besides you and the chair."""
    children: Children = Children()
    """Your child and the conference."""
    exclusion: Exclusion = Exclusion()
    """Being asked not to come, or to leave for part of the meeting."""
    on_the_day: OnTheDay = OnTheDay()
    """What happens at the meeting."""
    decisions: Decisions = Decisions()
    """What the conference can decide."""
    after: After = After()
    """After the conference."""
    complaints: Complaints = Complaints()
    """If you disagree or want to complain."""
    contacts: list[Contact] = []
    """Useful contacts for parents."""
    advice: list[Literal["children law solicitor", "Citizens Advice"]] = []
    """Other places the leaflet suggests for independent advice."""
    procedures: Url | None = None
    """The local child protection procedures (written for professionals)."""
    formats: Formats | None = None
    """How to ask for other formats and languages."""
    national: list[str] = []
    """Keys of national organisations in `councils/_national.yml` that this council's leaflet names."""
    own_words: OwnWords = OwnWords()
    """Sentences of the council's own, for what no field can say (translated per council)."""
    unconfirmed: list[Unconfirmed] = []
    """Blank, broken or undated seed facts: reported, never printed."""
    national_contacts: list[Contact] = []
    """Filled in from `national` when loading; not written in the file."""

    @field_validator("languages")
    @classmethod
    def _has_english(cls, value: list[str]) -> list[str]:
        # Every translated page links to its English edition, and the guide is checked in English.
        if value and SOURCE_LANGUAGE not in value:
            raise ValueError(
                f"expected a list that includes {SOURCE_LANGUAGE} (every translated page links to the English"
                f" edition), found [{', '.join(value)}]"
            )
        return value

"""Council data: the typed schema of `councils/<slug>.yml` (loading it: loading.py)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

import phonenumbers
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
)

from .languages import LANGUAGES

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# ---- value types -------------------------------------------------------------------------------


class Phone(BaseModel):
    """A UK phone number a parent can dial: shown in national format, linked in E.164."""

    model_config = ConfigDict(frozen=True)
    national: str
    e164: str

    def __str__(self) -> str:
        return self.national


def _phone(value: Any) -> Any:
    if isinstance(value, Phone) or not isinstance(value, str | int):
        return value
    text = str(value)
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValueError(f"expected a UK phone number that can be dialled, found {text!r}")
    return Phone(
        national=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
        e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
    )


def _text(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("expected some text, found an empty string")
    # Facts a parent acts on are typed fields so they are checked and never retyped by translators.
    if re.search(r"\d[\d ]{5,}\d|@|https?://|www\.", value):
        raise ValueError(
            f"expected plain text without phone numbers, emails or links, found {value!r}"
            " (put contact details in a contact's phone, email or web field)"
        )
    return value


def _url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", value):
        raise ValueError(f"expected a web address starting http:// or https://, found {value!r}")
    return value


def _email(value: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value, re.I):
        raise ValueError(f"expected an email address, found {value!r}")
    return value


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _colour(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ValueError(f"expected a colour like '#005a70', found {value!r}")
    # The colour is the header background under white text: WCAG AA needs 4.5:1.
    ratio = 1.05 / (_luminance(value) + 0.05)
    if ratio < 4.5:
        raise ValueError(
            f"expected a colour dark enough for white text (contrast 4.5:1), found {value!r} with {ratio:.1f}:1"
        )
    return value.lower()


def _language(value: str) -> str:
    if value not in LANGUAGES:
        raise ValueError(f"expected one of the supported languages ({', '.join(LANGUAGES)}), found {value!r}")
    return value


PhoneNumber = Annotated[Phone, BeforeValidator(_phone)]
Text = Annotated[str, AfterValidator(_text)]
"""Prose a reader sees: translated through the catalogues, so it may not carry contact details."""
Url = Annotated[str, AfterValidator(_url)]
Email = Annotated[str, AfterValidator(_email)]
Colour = Annotated[str, AfterValidator(_colour)]
LanguageCode = Annotated[str, AfterValidator(_language)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


# ---- the schema --------------------------------------------------------------------------------


class Contact(Model):
    """A person, team or service a parent can get in touch with."""

    name: str
    """The name as the parent will see it, e.g. "Access and Response Team (ART)"."""
    about: Text | None = None
    """One short sentence on what they can help with. Only what the leaflet says."""
    phone: PhoneNumber | None = None
    """UK phone number; checked, shown in national format and linked for tap-to-call."""
    phone_label: Text | None = None
    """What the number is, e.g. "advice line"."""
    email: Email | None = None
    """Email address, linked as mailto:."""
    web: Url | None = None
    """Web address, linked."""
    address: list[str] = []
    """Postal address, one line per item."""
    hours: Text | None = None
    """Opening hours, in words."""


class Period(Model):
    """A length of time such as "4 to 6 weeks" or "at least every 6 months"."""

    number: int = Field(gt=0)
    """How many units."""
    to: int | None = Field(default=None, gt=0)
    """Upper end of a range, e.g. 6 in "4 to 6 weeks"."""
    unit: Literal["days", "working days", "weeks", "months"]
    """The unit of time."""
    at_least: bool = False
    """True when the leaflet says "at least" or "as a minimum"."""


class Chair(Model):
    title: Text
    """What the council calls the person who chairs the conference, e.g. "Independent Chairperson"."""
    from_unit: Text | None = None
    """Where the chair comes from, e.g. "the safeguarding unit"."""


class Scale(Model):
    name: Text | None = None
    """The scale's local name, e.g. "Safety Scale"."""
    zero: Text
    """What 0 means on the 0 to 10 scale."""
    ten: Text
    """What 10 means on the 0 to 10 scale."""


class Approach(Model):
    name: Text | None = None
    """The named way of working, e.g. "Signs of Safety" or "Strengths Based Approach"."""
    about: Text | None = None
    """One sentence on what the approach means for the family."""
    danger_statements: bool = False
    """The social worker presents danger statements at the conference."""
    whiteboard: bool = False
    """Information is written on a whiteboard everyone can see."""
    whiteboard_copy: bool = False
    """The parent gets a copy of what was written on the whiteboard."""
    whiteboard_headings: list[Text] = []
    """The questions or columns on the whiteboard."""
    scale: Scale | None = None
    """Scaling questions from 0 to 10."""
    safety_goals: bool = False
    """The conference agrees safety goals."""


class Timescales(Model):
    core_group_first: Period | None = None
    """The first core group meeting happens within this time after the conference."""
    core_group_every: Period | None = None
    """How often the core group meets."""
    visits_every: Period | None = None
    """How often the social worker visits at home."""
    first_review: Period | None = None
    """The first review conference happens within this time after the first conference."""
    later_reviews: Period | None = None
    """How often review conferences happen after the first review."""
    child_in_need_meeting: Period | None = None
    """If there is no child protection plan, a child in need meeting happens within this time."""


class Local(Model):
    """The council's own points for each part of the guide, as short plain-English sentences."""

    about: list[Text] = []
    """About conferences in this area."""
    before: list[Text] = []
    """Before the conference: invitation, reports, support, interpreters."""
    who_attends: list[Text] = []
    """Who may be at the conference (list items, lower case)."""
    child: list[Text] = []
    """Your child and the conference: attending, advocates."""
    may_not_attend: list[Text] = []
    """Reasons a parent may not be able to attend all or part (list items, lower case)."""
    may_not_attend_notes: list[Text] = []
    """What happens when a parent does not or may not attend."""
    on_the_day: list[Text] = []
    """On the day of the conference."""
    outcomes: list[Text] = []
    """What the conference can decide."""
    after: list[Text] = []
    """After the conference: plan, core group, visits."""
    help: list[Text] = []
    """Other places to get help, without contact details (list items, lower case)."""


class Complaints(Model):
    about: list[Text] = []
    """What a parent should know about disagreeing, before the steps."""
    deadline_days: int | None = Field(default=None, gt=0)
    """A complaint must be sent within this many days of the conference."""
    steps: list[Text] = []
    """What to do if you disagree, in order."""
    send_to: Text | None = None
    """Who a complaint is sent to, in words."""
    write_to: Contact | None = None
    """Where to write to complain."""
    other_agencies: Text | None = None
    """What to do if you are unhappy with another agency."""


class Formats(Model):
    """How to ask for the guide in another language or format."""

    team: str | None = None
    """The team to contact, if the leaflet names one."""
    phone: PhoneNumber | None = None
    """Phone number to ask on."""
    email: Email | None = None
    """Email to ask on."""
    note: Text | None = None
    """What the leaflet says can be asked for."""


class Unconfirmed(Model):
    """A seed fact that is blank or broken: reported at build time and never printed."""

    fact: str
    """What the fact is about."""
    seed: str
    """What the seed leaflet says, as extracted."""
    why: str
    """Why it cannot be printed."""


class Council(Model):
    """One council's data file, `councils/<slug>.yml`."""

    slug: str
    """From the file name: the council's folder in `site/`."""
    name: str
    """The area's name as parents know it, e.g. "Solihull"."""
    organisation: str | None = None
    """The council's full name, where the leaflet gives it."""
    partnership: str | None = None
    """The local safeguarding children partnership or board."""
    site_url: Url
    """Where the web team will publish `site/<slug>/` (a deployment setting)."""
    colour: Colour
    """Header colour, dark enough for white text."""
    languages: list[LanguageCode] = list(LANGUAGES)
    """Languages to publish, as ISO 639-1 codes; every language parentinfo has by default."""
    chair: Chair
    """Who chairs the conference."""
    approach: Approach = Approach()
    """The local way of running conferences."""
    timescales: Timescales = Timescales()
    """Local time limits and how often things happen."""
    local: Local = Local()
    """The council's own points for each part of the guide."""
    complaints: Complaints = Complaints()
    """If you disagree or want to complain."""
    contacts: list[Contact] = []
    """Useful contacts for parents."""
    formats: Formats | None = None
    """How to ask for other formats and languages."""
    national: list[str] = []
    """Keys of national organisations in `councils/_national.yml` that this council's leaflet names."""
    unconfirmed: list[Unconfirmed] = []
    """Blank or broken seed facts: reported, never printed."""
    national_contacts: list[Contact] = []
    """Filled in from `national` when loading; not written in the file."""

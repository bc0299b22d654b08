"""Value types of council data: each is checked where it is read, and said the same way everywhere.

A value is text, never markup: names, addresses and numbers are shown as they are (and, in
another language's page, marked as English); only `Text` is a sentence, translated per council.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Annotated, Any, ClassVar, Literal

import phonenumbers
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from parentinfo.languages import LANGUAGES

# \Z, not $: `$` also matches before a trailing newline, which would make "evil\n" a slug.
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")


# ---- value types -------------------------------------------------------------------------------


class Phone(BaseModel):
    """A phone number a parent can dial: shown as people write it, linked in E.164."""

    model_config = ConfigDict(frozen=True)
    written_as_text: ClassVar[bool] = True  # a data file gives the number as text; these parts are made from it
    national: str
    e164: str

    def __str__(self) -> str:
        return self.national


# Ranges a frightened parent must never be sent to: premium rate (09), service numbers that
# charge by the minute (084, 087), personal numbers (070) and pagers (076) that are often scams.
_COSTLY = re.compile(r"^(9|84|87|70|76)")


def _uk_number(text: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def _written(value: Any, example: str) -> str:
    """A phone number as the data file gives it: text. A mapping (national and e164 parts, the
    shape it is kept in) would put a number nobody checked behind a link."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"expected a phone number written as text, e.g. {example!r}, found {value!r}")
    return str(value)


def _phone(value: Any) -> Any:
    if isinstance(value, Phone):  # made here, from text, already checked
        return value
    text = _written(value, "0300 123 4567")
    number = _uk_number(text)
    if number is None or number.country_code != 44:
        raise ValueError(f"expected a UK phone number that can be dialled, found {text!r}")
    if _COSTLY.match(str(number.national_number)):
        raise ValueError(
            f"expected a UK phone number that is free or costs a normal call, found {text!r} (a costly range)"
        )
    return Phone(
        national=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
        e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
    )


def _international(value: Any) -> Any:
    if isinstance(value, Phone):
        return value
    value = _written(value, "+353 1 234 5678")
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not value.startswith("+") or not phonenumbers.is_valid_number(number):
        raise ValueError(f"expected an international number starting with + and its country code, found {value!r}")
    shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return Phone(national=shown, e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _short_code(value: Any) -> Any:
    text = str(value).strip()
    # UK text-message short codes are 5 digits (6 for some charities); 6xxxx and 8xxxx are
    # premium-rate ranges.
    if not re.fullmatch(r"[1-7]\d{4,5}", text) or text[0] == "6":
        raise ValueError(
            f"expected a text-message short code of 5 or 6 digits starting 1 to 5 or 7, found {text!r}"
            " (codes starting 6, 8 or 9 are premium rate)"
        )
    return text


# Characters a reader cannot see but a page obeys: control characters (a terminal's escapes, a
# carriage return that hides a warning), bidi controls (which show "0008 111 0030" as another
# number), zero-width and private-use characters (which hide a number from the checks).
_HIDDEN = ("Cc", "Cf", "Co", "Cs", "Zl", "Zp")
# What a language's own writing needs, allowed in translations only: the joiners that shape
# Bengali and Urdu letters, and the direction marks (not overrides) Arabic and Urdu place.
SCRIPT_MARKS = frozenset("\u200c\u200d\u200e\u200f\u061c")


# Letters that look like a space: fillers of Hangul, the blank Braille pattern, the Mongolian vowel separator.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


def hidden(text: str, allowed: frozenset[str] = frozenset("\n")) -> list[str]:
    """Each hidden character in `text`, once, but those `allowed`."""
    return [
        c
        for c in dict.fromkeys(text)
        if (unicodedata.category(c) in _HIDDEN or c in _BLANK_LETTERS) and c not in allowed
    ]


def other_digits(text: str) -> list[str]:
    """Numerals other than 0-9 (Arabic-Indic, full-width, circled, Roman): a reader reads them as
    numbers, but no check of numbers written 0-9 sees them."""
    return [c for c in dict.fromkeys(text) if unicodedata.category(c)[0] == "N" and c not in "0123456789"]


# Seven digits or more, however spaced: a phone number, which belongs in a phone field.
_PHONE_LIKE = re.compile(r"\d(?:[\s.\-()/]*\d){6,}")


def _plain_numbers(value: str, field: str) -> str:
    odd = other_digits(value)
    if odd:
        raise ValueError(f"expected digits written 0-9, found {odd[0]!r} (U+{ord(odd[0]):04X}) in {value!r}")
    if _PHONE_LIKE.search(value):
        raise ValueError(f"expected {field} without a phone number (give it as a phone), found {value!r}")
    return value


def _visible(value: str, newlines: bool = False) -> str:
    """Refuse hidden characters (see _HIDDEN) in a council value."""
    found = hidden(value, frozenset("\n") if newlines else frozenset())
    if found:
        char = found[0]
        what = unicodedata.name(char, "a control character").lower()
        raise ValueError(
            f"expected text without control, bidi or invisible characters, found U+{ord(char):04X} ({what})"
            f" in {value!r}"
        )
    return value


# Numbers, emails and links in a sentence are facts a translator would have to retype: they
# belong in typed fields.
_NOT_IN_WORDS = re.compile(r"\d|@|https?://|www\.|\b[A-Za-z0-9-]{2,}\.[A-Za-z]{2,}\b")
# A sentence is words: HTML tags, Markdown links, images and attribute blocks are shown as text
# (escaped) at best, so a sentence that carries them was written by mistake or to attack.
_MARKUP_IN_WORDS = re.compile(r"[<>\[\]{}`\\]")


MAX_TEXT = 300  # one sentence of a leaflet; a page of text is not a field


def _text(value: str) -> str:
    _visible(value, newlines=True)
    value = " ".join(value.split())
    if not value:
        raise ValueError("expected some text, found an empty string")
    if len(value) > MAX_TEXT:
        raise ValueError(f"expected one sentence of at most {MAX_TEXT} characters, found {len(value)}")
    markup = _MARKUP_IN_WORDS.search(value)
    if markup:
        raise ValueError(f"expected plain words, found markup ({markup.group()!r}) in {value!r}")
    if _NOT_IN_WORDS.search(value) or other_digits(value):
        raise ValueError(
            f"expected words without numbers, emails or links, found {value!r}"
            " (put numbers and contact details in their own fields: see `parentinfo schema`)"
        )
    return value


# A name is shown as it is, never translated: letters, spaces and ordinary punctuation only.
_NAME = re.compile(r"[\w][\w .,:;!?'’&()/–-]*[\w.)?!]|\w")


def _name(value: str) -> str:
    value = " ".join(_visible(str(value)).split())
    if not _NAME.fullmatch(value) or len(value) > 120 or "_" in value:
        raise ValueError(f"expected a name of letters, spaces and ordinary punctuation (at most 120), found {value!r}")
    return _plain_numbers(value, "a name")


def _address_line(value: str) -> str:
    value = " ".join(_visible(str(value)).split())
    if not re.fullmatch(r"[\w .,'’&()/–-]+", value) or "_" in value or len(value) > 120:
        raise ValueError(f"expected one line of a postal address, found {value!r}")
    return _plain_numbers(value, "an address line")


def _url(value: str) -> str:
    # Only secure web addresses (a plain http link can be rewritten on the way to a parent), and
    # no character that could end an attribute or start markup.
    _visible(value)
    if len(value) > 300:
        raise ValueError(f"expected a web address of at most 300 characters, found {len(value)}")
    if not re.fullmatch(r"https://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(/[A-Za-z0-9._~%!$&'()*+,;=:@/?#-]*)?", value):
        raise ValueError(f"expected a web address starting https://, found {value!r}")
    if re.search(r"[\"'<>`\\]", value):
        raise ValueError(f"expected a web address without quotes or brackets, found {value!r}")
    return value


def _email(value: str) -> str:
    _visible(value)
    if len(value) > 254:  # the most an email address can be (RFC 5321)
        raise ValueError(f"expected an email address of at most 254 characters, found {len(value)}")
    if not re.fullmatch(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", value):
        raise ValueError(f"expected an email address, found {value!r}")
    return value


def _note(value: str) -> str:
    _visible(value, newlines=True)
    if not value.strip() or len(value) > MAX_TEXT:
        raise ValueError(f"expected a note of 1 to {MAX_TEXT} characters, found {len(value.strip())}")
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


PhoneNumber = Annotated[
    Phone, BeforeValidator(_phone), WithJsonSchema({"type": "string", "examples": ["0300 123 4567"]})
]
"""A UK number that costs no more than a normal call, written as text, e.g. "0300 123 4567"."""
InternationalPhone = Annotated[
    Phone, BeforeValidator(_international), WithJsonSchema({"type": "string", "examples": ["+353 1 234 5678"]})
]
"""A number outside the UK, written with + and its country code, shown that way."""
ShortCode = Annotated[str, BeforeValidator(_short_code)]
Text = Annotated[str, AfterValidator(_text)]
"""A sentence a reader sees, translated per council: no numbers, contact details or links."""


def _clock(value: Any) -> Any:
    written = isinstance(value, datetime.time) or (isinstance(value, str) and re.fullmatch(r"\d\d?:\d\d", value))
    if not written:
        raise ValueError(f"expected a time written HH:MM, e.g. 09:30, found {value!r}")
    return value


Clock = Annotated[datetime.time, BeforeValidator(_clock)]
Name = Annotated[str, AfterValidator(_name)]
"""A name shown as it is, in every language (marked as English on other languages' pages)."""
AddressLine = Annotated[str, AfterValidator(_address_line)]
Note = Annotated[str, AfterValidator(_note)]
"""A note for the web team, never printed: visible characters only, since it is shown in a terminal."""
Url = Annotated[str, AfterValidator(_url)]
Email = Annotated[str, AfterValidator(_email)]
Colour = Annotated[str, AfterValidator(_colour)]
LanguageCode = Annotated[str, AfterValidator(_language)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Hours(Model):
    """When a phone line or office is open, e.g. Monday to Friday, 09:30 to 15:00."""

    days: Literal["Monday to Friday", "Monday to Saturday", "every day"]
    """Which days."""
    opens: Clock
    """Opening time, 24-hour, e.g. "09:30"."""
    closes: Clock
    """Closing time, 24-hour, e.g. "15:00"; after the opening time."""
    closed_on_bank_holidays: bool = False
    """Closed on bank holidays."""

    @model_validator(mode="after")
    def _closes_after_opening(self) -> Hours:
        if self.closes <= self.opens:
            found = f"found {self.opens:%H:%M} to {self.closes:%H:%M}"
            raise ValueError(f"expected a closing time after the opening time, {found}")
        return self


class Contact(Model):
    """A person, team or service a parent can get in touch with: at least one way to reach them."""

    name: Name | None = None
    """The name as the parent will see it, e.g. "Access and Response Team (ART)"; leave it out if
    the leaflet gives only a web address (the address is then shown on its own)."""
    about: Text | None = None
    """One short sentence on what they can help with. Only what the leaflet says."""
    phone: PhoneNumber | None = None
    """UK phone number; checked, shown in national format and linked for tap-to-call."""
    phone_label: Text | None = None
    """What the number is, e.g. "advice line"."""
    international: InternationalPhone | None = None
    """A phone number outside the UK, e.g. "+353 1 234 5678"."""
    text: ShortCode | None = None
    """A text-message (SMS) short code, e.g. "71006"."""
    email: Email | None = None
    """Email address, linked as mailto:."""
    web: Url | None = None
    """Web address, linked."""
    address: list[AddressLine] = []
    """Postal address, one line per item."""
    hours: Hours | None = None
    """When the phone line is open."""

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.phone or self.international or self.text or self.email or self.web or self.address):
            raise ValueError("expected at least one of phone, international, text, email, web or address, found none")
        return self


class Venue(Model):
    """Where conferences are usually held."""

    name: Name
    """The building's name, e.g. "Mary Woollett Centre"."""
    address: list[AddressLine] = []
    """Its address, one line per item."""


class Period(Model):
    """A length of time such as "10 working days" or "4 to 6 weeks"."""

    number: int = Field(gt=0, le=365, strict=True)
    """How many units (at most 365: a larger number is a slip of the keyboard)."""
    to: int | None = Field(default=None, gt=0, le=365, strict=True)
    """Upper end of a range, e.g. 6 in "4 to 6 weeks"; more than `number`."""
    unit: Literal["days", "working days", "weeks", "months"]
    """The unit of time."""

    @model_validator(mode="after")
    def _range_upwards(self) -> Period:
        if self.to is not None and self.to <= self.number:
            found = f"found {self.number} to {self.to}"
            raise ValueError(f"expected a range from a smaller number to a larger one, {found}")
        return self


class Interval(Period):
    """How often something happens, e.g. "every 4 weeks" or "at least every 6 months"."""

    at_least: bool = False
    """True when the leaflet says "at least" or "as a minimum"."""

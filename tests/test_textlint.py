"""The text a reader sees, per language: the reviews' faults where words meet values, and every
plural message against its language's CLDR rule."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from sitetools import REPO, copy_project

from parentinfo.data.loading import load_councils
from parentinfo.editions import EDITIONS
from parentinfo.errors import BuildError
from parentinfo.i18n import catalogues, plurals, terms, textlint
from parentinfo.languages import LANGUAGES, SOURCE_LANGUAGE
from parentinfo.outputs.site.site import SiteConfig
from parentinfo.render import Edition, render_edition

FIXTURE = Path(__file__).parent / "fixtures" / "new-council" / "newtown.yml"
TRANSLATED = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]

# (language, a phrase as a review found it, what the lint says, the phrase corrected)
CONTRACT_PT = "preposition and article must contract (do, na, pelo, à)"
AR_COUNT = "number and counted noun disagree (3-10: plural, 11-99: singular with tanwin)"
OBLIQUE = "counted noun before a postposition must be oblique"
CASES = [
    (
        "pt",
        "Peça a a pessoa que preside que lhe explique antes de sair.",
        [
            "p.html: doubled word: 'Peça a a pessoa que preside'",
            f"p.html: {CONTRACT_PT}: 'Peça a a pessoa que preside'",
        ],
        "Peça à pessoa que preside que lhe explique antes de sair.",
    ),
    (
        "pt",
        "Quem dirige a reunião é a pessoa que preside, de a unidade de proteção da criança.",
        [f"p.html: {CONTRACT_PT}: 'pessoa que preside, de a unidade de proteção'"],
        "Quem dirige a reunião é a pessoa que preside, da unidade de proteção da criança.",
    ),
    (
        "pt",
        "Envie-a por o correio.",
        [f"p.html: {CONTRACT_PT}: 'Envie-a por o correio.'"],
        # European Portuguese keeps an infinitive's subject or object apart.
        "Antes de a conferência começar, não tem de o ler todo.",
    ),
    (
        "pt",
        "Fale com o a pessoa que preside.",
        ["p.html: two articles in a row: 'Fale com o a pessoa que preside.'"],
        "Fale com a pessoa que preside. Peça a uma pessoa.",
    ),
    (
        "es",
        "Hable con el la persona que preside.",
        ["p.html: two articles in a row: 'Hable con el la persona que preside.'"],
        "Hable con la persona que preside.",
    ),
    (
        "es",
        "El grupo principal se reúne cada de 4 a 6 semanas.",
        ["p.html: 'cada' before a range's preposition: 'principal se reúne cada de 4 a 6'"],
        "El grupo principal se reúne cada 4 a 6 semanas.",
    ),
    (
        "es",
        "Envíela a la persona que presidió la conferencia o a el responsable.",
        ["p.html: preposition and article must contract (del, al): 'la conferencia o a el responsable.'"],
        "Envíela a la persona que presidió la conferencia o al responsable de él.",
    ),
    (
        "ro",
        "Grupul de bază se întâlnește o dată la între 4 și 6 săptămâni.",
        ["p.html: 'la' before a range's preposition: 'întâlnește o dată la între 4 și 6'"],
        "Grupul de bază se întâlnește o dată la 4–6 săptămâni.",
    ),
    (
        "pl",
        "Grupa podstawowa spotyka się co od 4 do 6 tygodni.",
        ["p.html: 'co' before a range's preposition: 'podstawowa spotyka się co od 4 do 6'"],
        "Grupa podstawowa spotyka się co 4–6 tygodni.",
    ),
    (
        "pl",
        "Twój pracownik socjalny będzie odwiedzał twój dom co najmniej co 15 dni roboczych.",
        [
            "p.html: 'co najmniej co' (reads as 'at least … apart'): write 'nie rzadziej niż co':"
            " 'odwiedzał twój dom co najmniej co 15 dni roboczych.'"
        ],
        "Twój pracownik socjalny będzie odwiedzał twój dom nie rzadziej niż co 15 dni roboczych.",
    ),
    (
        "pl",
        "Zapytaj osobę prowadzącą (niezależna osoba prowadząca (Independent Chairperson)), jak złożyć skargę.",
        [
            "p.html: bracket inside a bracket: 'Zapytaj osobę prowadzącą (niezależna osoba prowadząca"
            " (Independent Chairperson)), jak złożyć'"
        ],
        "Zapytaj osobę prowadzącą (Independent Chairperson), jak złożyć skargę.",
    ),
    (
        "bn",
        "সম্মেলনের পর 10 দিন-এর মধ্যে কোর গ্রুপের প্রথম মিটিং হয়।",
        ["p.html: case ending hyphenated onto a value: 'সম্মেলনের পর 10 দিন-এর মধ্যে কোর গ্রুপের'"],
        "সম্মেলনের পর 10 দিন সময়ের মধ্যে কোর গ্রুপের প্রথম মিটিং হয়।",
    ),
    (
        "bn",
        "স্বাধীন চেয়ারপারসন (Independent Chairperson)-কে জিজ্ঞেস করুন।",
        ["p.html: case ending hyphenated onto a value: 'স্বাধীন চেয়ারপারসন (Independent Chairperson)-কে জিজ্ঞেস করুন।'"],
        "নিরপেক্ষ চেয়ারপারসনকে (Independent Chairperson) জিজ্ঞেস করুন।",
    ),
    (
        "ar",
        "يجب أن تقدّم الشكوى خلال 28 يوم بعد الاجتماع.",
        [f"p.html: {AR_COUNT}: 'تقدّم الشكوى خلال 28 يوم بعد الاجتماع.'"],
        "يجب أن تقدّم الشكوى خلال 28 يومًا بعد الاجتماع.",
    ),
    (
        "ar",
        "يُعقد الاجتماع خلال 10 إلى 15 أيام.",
        [f"p.html: {AR_COUNT}: 'خلال 10 إلى 15 أيام.'"],
        "يُعقد الاجتماع خلال 4 إلى 6 أسابيع، وخلال 15 يوم عمل.",
    ),
    (
        "ar",
        "احضر قبل 5 دقيقة من الموعد.",
        [f"p.html: {AR_COUNT}: 'احضر قبل 5 دقيقة من الموعد.'"],
        "احضر قبل 5 دقائق من الموعد، أو قبل 100 يوم.",
    ),
    (
        "pa",
        "ਕਾਨਫ਼ਰੰਸ ਤੋਂ ਬਾਅਦ 1 ਮਹੀਨਾ ਦੇ ਅੰਦਰ ਹੁੰਦੀ ਹੈ।",
        [f"p.html: {OBLIQUE}: 'ਕਾਨਫ਼ਰੰਸ ਤੋਂ ਬਾਅਦ 1 ਮਹੀਨਾ ਦੇ ਅੰਦਰ ਹੁੰਦੀ ਹੈ।'"],
        "ਕਾਨਫ਼ਰੰਸ ਤੋਂ ਬਾਅਦ 1 ਮਹੀਨਾ ਬੀਤਣ ਤੋਂ ਪਹਿਲਾਂ ਹੁੰਦੀ ਹੈ।",
    ),
    (
        "ur",
        "کانفرنس کے بعد 1 کام کا دن کے اندر ہوتی ہے۔",
        [f"p.html: {OBLIQUE}: 'کانفرنس کے بعد 1 کام کا دن کے اندر ہوتی ہے۔'"],
        "کانفرنس کے بعد 1 کام کا دن گزرنے سے پہلے ہوتی ہے۔",
    ),
    (
        "ur",
        "یہ فارم فارم ہے۔",
        ["p.html: doubled word: 'یہ فارم فارم ہے۔'"],
        # Urdu doubles some words on purpose ("separately").
        "والدین کو الگ الگ وقت پر آنے کو کہا جا سکتا ہے۔",
    ),
    (
        "en",
        "Ask the the chair.",
        ["p.html: doubled word: 'Ask the the chair.'"],
        "Ask the chair (the Independent Chair).",
    ),
]


@pytest.mark.parametrize(("language", "bad", "said", "good"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_rule_flags_the_reviewed_phrase_and_passes_its_correction(
    language: str, bad: str, said: list[str], good: str
) -> None:
    assert [str(f) for f in textlint.lint_text(bad, language, "p.html")] == said
    assert textlint.lint_text(good, language, "p.html") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # A `\w` regex stops at vowel signs and finds "ত ত" in "চিন্তিত তা", "ਦ ਦ" in "ਅਨੁਵਾਦ ਦੀ".
        ("bn", "আপনার পরিবারে কী ভালো চলছে আর কী নিয়ে মানুষ চিন্তিত তা দেখতে"),
        ("pa", "ਇਸ ਅਨੁਵਾਦ ਦੀ ਹਾਲੇ ਕਿਸੇ ਯੋਗ ਅਨੁਵਾਦਕ ਨੇ ਜਾਂਚ ਨਹੀਂ ਕੀਤੀ।"),
        # After a name in Latin letters, Bengali writes its case ending after a hyphen.
        ("bn", "Somerset-এ সম্মেলন কীভাবে চলে?"),
    ],
)
def test_indic_words_are_whole_words(language: str, text: str) -> None:
    assert textlint.lint_text(text, language, "p.html") == []


def test_names_code_and_addresses_are_not_the_pages_language() -> None:
    page = (
        '<html lang="pt"><body><p>Contacte <span lang="en" dir="ltr" translate="no">the the team</span>.</p>'
        "<p><code>de o</code> em https://example.org/a/a a</p>"
        '<p><b translate="no">de a</b> e de a unidade.</p></body></html>'
    )
    assert [str(f) for f in textlint.lint_html(page, "x/pt/standard/help.html")] == [
        f"x/pt/standard/help.html: {CONTRACT_PT}: '… e de a unidade.'"
    ]


def test_built_pages_pass_the_text_lint(built: Path) -> None:
    site = built / "site"
    pages = sorted(site.rglob("*.html"))
    editions = json.loads((site / "manifest.json").read_text())["editions"]
    assert {(site / page) for e in editions for page in e["pages"]} <= set(pages), "pages of the manifest are missing"
    assert {e["language"] for e in editions} == set(LANGUAGES)
    found = [
        str(f) for p in pages for f in textlint.lint_html(p.read_text(encoding="utf-8"), p.relative_to(site).as_posix())
    ]
    assert found == []


# ---- plurals -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_plural_message_says_the_form_of_its_cldr_category(language: str) -> None:
    assert plurals.check(REPO, language) == []


def _po(root: Path, lang: str, domain: str) -> tuple[Path, Catalog]:
    path = catalogues.po_path(root, lang, domain)
    with path.open("rb") as handle:
        return path, read_po(handle, locale=lang)


def _write(path: Path, catalog: Catalog) -> None:
    buf = io.BytesIO()
    write_po(buf, catalog, width=100)
    path.write_bytes(buf.getvalue())


def _project_locales(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "locales", root / "locales")
    return root


def test_forms_in_another_order_than_the_header_show(tmp_path: Path) -> None:
    """Arabic's forms for 11-99 and for 100 swapped against the header (the CLDR order, which
    pocheck demands), as they were once: the check names the message; swapped back, all is well."""

    def swap(root: Path) -> None:
        for domain in catalogues.DOMAINS:
            path, catalog = _po(root, "ar", domain)
            for message in catalog:
                if message.id and message.pluralizable:
                    forms = list(message.string)
                    forms[4], forms[5] = forms[5], forms[4]
                    message.string = tuple(forms)
            _write(path, catalog)

    root = _project_locales(tmp_path)
    assert plurals.check(root, "ar") == []
    swap(root)
    found = [p for p in plurals.check(root, "ar") if "You must complain within" in p and "n = 28 " in p]
    assert [p.split(": ", 1)[1] for p in found] == [
        "msgid 'You must complain within %(count)s day of the meeting.': n = 28 (CLDR 'many') must say"
        " 'يومًا', found 'يجب أن تقدّم الشكوى خلال 28 يوم بعد الاجتماع.'"
    ]
    swap(root)
    assert plurals.check(root, "ar") == []


def test_a_wrong_form_is_named_with_its_number_and_category(tmp_path: Path) -> None:
    root = _project_locales(tmp_path)
    path, catalog = _po(root, "ro", "guide")
    message = catalog.get("%(count)s day")
    message.string = (message.string[0], "%(count)s de zile", "%(count)s zile")
    _write(path, catalog)
    problems = [p.split(": ", 1)[1] for p in plurals.check(root, "ro")]
    assert problems == [
        f"msgid '%(count)s day': n = {n} (CLDR {category!r}) must say {form!r}, found '{n} {found}'"
        for n, category, form, found in [
            (2, "few", "zile", "de zile"),
            (5, "few", "zile", "de zile"),
            (11, "few", "zile", "de zile"),
            (21, "other", "de zile", "zile"),
            (28, "other", "de zile", "zile"),
        ]
    ]


@pytest.mark.parametrize(
    ("table", "said"),
    [
        (
            "plural forms: [day]",
            "locales/pt/terms.yml: plural forms: expected a mapping of English words to their forms, found list",
        ),
        (
            "plural forms:\n  day: dias",
            "locales/pt/terms.yml: plural forms: day: expected a form for each plural category (one: …, other: …)",
        ),
        (
            "plural forms:\n  day: {one: []}",
            "locales/pt/terms.yml: plural forms: day: one: expected a word or a list of words, found []",
        ),
    ],
)
def test_a_broken_forms_table_names_the_file_and_the_word(tmp_path: Path, table: str, said: str) -> None:
    (tmp_path / "pt").mkdir()
    (tmp_path / "pt" / "terms.yml").write_text(f"chair:\n  use: a pessoa que preside\n{table}\n", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        terms.plural_forms(tmp_path, "pt")
    assert caught.value.problems == [said]
    # The term base itself still reads.
    assert [t.english for t in terms.load(tmp_path, "pt")] == ["chair"]


# ---- values spliced in ---------------------------------------------------------------------------

NUMBERS = (1, 2, 5, 11, 21, 28)
AGES = (1, 2, 5, 11, 12, 16)
UNITS = ("days", "working days", "weeks", "months")
LENGTHS = ("first_conference", "core_group_first", "first_review", "child_in_need_meeting")
INTERVALS = ("core_group_every", "visits_every", "later_reviews")


def _spliced(root: Path) -> None:
    """The fixture council once per number × unit, every time limit that long, and names that
    start with a vowel, in place of the real councils."""
    for path in (root / "councils").glob("[!_]*.yml"):
        path.unlink()
    base = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    for n in NUMBERS:
        for unit in UNITS:
            period = {"number": n, "unit": unit}
            data = dict(
                base,
                name="Oakvale",
                chair={"title": "Independent Chair", "unit": "Independent Reviewing Unit"},
                venue=dict(base["venue"], name="Old Town Hall"),
                timescales={
                    **{k: dict(period) for k in LENGTHS},  # copies: a council file may hold no YAML aliases
                    **{k: dict(period, at_least=i % 2 == 0) for i, k in enumerate(INTERVALS)},
                },
                complaints={"deadline_days": n},
                reports={"days_before": n},
                pre_meeting={"arrive_minutes_early": n},
                # An age is under 18: the ages that matter for agreement, one per number.
                children=dict(base["children"], chair_writes_if_over=AGES[NUMBERS.index(n)]),
            )
            slug = f"oakvale-{n}-{unit.replace(' ', '-')}"
            (root / "councils" / f"{slug}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_spliced_periods_and_names_pass_the_text_lint(tmp_path: Path) -> None:
    """Each language's standard and easy-read guide, rendered (no site build) for every period."""
    root = copy_project(tmp_path / "project")
    _spliced(root)
    councils = load_councils(root)
    out = tmp_path / "locales"
    catalogues.compile_all(root, out, list(LANGUAGES))
    cfg = SiteConfig.read(root)
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in cfg.base["markdown_extensions"]]
    found, texts = [], {}
    for council in councils:
        for lang in LANGUAGES:
            for variant in ("standard", "easy-read"):
                edition = Edition(council, lang, variant)
                pages = render_edition(
                    root / "docs",
                    edition,
                    cfg.pages,
                    translations=catalogues.translations(out, lang, *EDITIONS[variant].domains),
                    data_translations=catalogues.translations(out, lang, "councils"),
                    context=cfg.statement,
                )
                for page, text in pages.items():
                    html = f'<html lang="{lang}"><body>{markdown.markdown(text, extensions=extensions)}</body></html>'
                    found += [str(f) for f in textlint.lint_html(html, f"{edition.folder}/{page}")]
                    texts[(council.slug, lang, variant, page)] = textlint.page_text(html)[1]
    assert found == []
    # The values did land in the sentences the lint read.
    assert "no prazo de 21 semanas" in texts[("oakvale-21-weeks", "pt", "standard", "after.md")]
    assert "28 يومًا" in texts[("oakvale-28-days", "ar", "easy-read", "disagree.md")]

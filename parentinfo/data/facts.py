"""Local facts as typed data: what a council does, said by the guide's shared, translated sentences.

Each field below is one fact a leaflet can state. Setting it in `councils/<slug>.yml` puts the
shared sentence (docs/standard and docs/easy-read) on that council's pages, in every language,
with nothing new to translate. Numbers, names and contacts are values, never part of a sentence.
Only what no field can say goes in a council's `own_words` (translated per council).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from parentinfo.data.values import Contact, Model, Name


class PreMeeting(Model):
    """The chair meets you before the conference starts."""

    arrive_minutes_early: int | None = Field(default=None, gt=0, le=120, strict=True)
    """To take part, arrive this many minutes before the conference starts (at most 120)."""
    called: Name | None = None
    """The council's name for this meeting, e.g. "pre-meeting consultation"."""
    you_go_in_first: bool = False
    """You go in before the professionals, for the first part of the meeting."""
    with_supporter: bool = False
    """The chair meets you and your supporter together."""
    explains_the_meeting: bool = False
    """The chair explains how the meeting will run and how you can join in."""
    hears_your_worries: bool = False
    """The chair hears any worries you have and answers your questions."""
    checks_reports: bool = False
    """The chair checks you have read the reports and asks if anything in them is wrong."""
    ask_for_support: bool = False
    """You can tell the chair if you need any support to take part."""
    professionals_read_reports: bool = False
    """Meanwhile the professionals read the same reports in another room."""


class Reports(Model):
    """The reports professionals write for the conference."""

    days_before: int | None = Field(default=None, gt=0, le=30, strict=True)
    """You should get the reports at least this many days before the conference (at most 30)."""
    social_worker_shares: bool = False
    """Your social worker talks everything through with you and shares their report before."""
    your_views_in_it: bool = False
    """Your views should be in the social worker's report."""
    disagree_at_meeting: bool = False
    """If you disagree with something in a report, you can say so at the meeting."""
    copies_at_meeting: bool = False
    """A copy of every professional's report is at the meeting."""


class Invitation(Model):
    """How you are told about the conference."""

    important_to_come: bool = False
    """The leaflet says it is very important that you come: it is about your child."""
    right_to_know: bool = False
    """You have a right to know what is said about your child."""
    in_time_for_legal_advice: bool = False
    """You are told about the conference in time to get legal advice and get ready."""
    lists_who_will_come: bool = False
    """The invitation comes with a list of everyone who will be there or send a report."""
    usually: bool = False
    """Parents are usually invited; very rarely a parent is not told about a conference."""
    family_may_be_invited: bool = False
    """Other family members may be invited if they are part of the child's life (e.g. supervise contact)."""


class Supporter(Model):
    """Bringing someone with you for support."""

    who: list[Literal["family member", "friend", "advocate", "legal representative"]] = []
    """Who the leaflet names as a possible supporter."""
    tell_first: Literal["social worker", "chair", "social worker or chair"] | None = None
    """Who to tell first that you want to bring someone."""
    chair_must_agree: bool = False
    """The chair must agree to the supporter coming."""
    cannot_speak_for_you: bool = False
    """A supporter cannot speak for you or join the discussion."""
    can_remind_you: bool = False
    """A supporter can remind you of things you want to say."""
    can_ask_for_break: bool = False
    """A supporter can ask for a short break if it will help you."""
    trust_warning: bool = False
    """Only bring someone you trust: they may hear private things about your family."""
    can_explain_things: bool = False
    """A supporter can help by explaining things to you."""


class Solicitor(Model):
    """Bringing a solicitor."""

    chair_must_agree: bool = False
    """A solicitor can come if the chair agrees."""
    cannot_represent: bool = False
    """The solicitor can support you but cannot represent you at the meeting."""


class Practical(Model):
    """Help so you can come and take part. Your social worker arranges it unless stated."""

    interpreter: bool = False
    """An interpreter if English is not your first language."""
    interpreter_explained: bool = False
    """The interpreter makes sure everyone understands you, and you understand what is said."""
    signer: bool = False
    """A signer or special equipment if you have speech or hearing difficulties."""
    wheelchair: bool = False
    """Wheelchair access."""
    childcare: bool = False
    """Help with childcare."""
    travel: bool = False
    """Help with travel if it is hard to get there."""
    writing_to_chair: bool = False
    """Help writing to the chair."""
    no_young_children: bool = False
    """Please do not bring young children: arrange childcare."""


class ParentAdvocacy(Model):
    """An advocate for parents."""

    learning_disability: bool = False
    """It is for parents with a learning difficulty or disability."""
    service: Contact | None = None
    """Who provides it, if the leaflet says (a web address alone is fine)."""


class ChildAdvocacy(Model):
    """An advocate for your child."""

    offered: bool = False
    """Your child will be offered an advocate (not only "can have" one)."""
    at_meeting: bool = False
    """The advocate can come to the meeting with your child, or for them."""
    meets_before: bool = False
    """The advocate can meet your child before, so their wishes and feelings are heard."""
    or_family_friend: bool = False
    """If your child does not want an advocate, a family member or friend could come with them."""
    service: Contact | None = None
    """Who provides it, if the leaflet says."""


class Children(Model):
    """Your child and the conference."""

    may_come: bool = False
    """Your child may come if they are old enough and understand enough."""
    part_or_all: bool = False
    """Your child can come for some or all of the meeting, if they want to."""
    chair_writes_if_over: int | None = Field(default=None, gt=0, le=17, strict=True)
    """If your child is over this age, the chair sends them a letter (an age under 18)."""
    consultation_form: bool = False
    """The chair's letter comes with a consultation form for your child's views."""
    advocate: ChildAdvocacy | None = None
    """An advocate for your child."""
    seen_alone: bool = False
    """The social worker will want to see and talk to your child alone during visits."""


Reason = Literal[
    "said to have harmed the child",
    "risk of violence",
    "child put at risk",
    "your health harmed",
    "severe mental health problems",
    "under the influence",
    "police enquiries not finished",
    "disruption",
]


class Exclusion(Model):
    """Being asked not to come, or to leave for part of the meeting."""

    reasons: list[Reason] = []
    """Reasons the leaflet gives why a parent may not come to all or part of the conference."""
    invited_unless_good_reason: bool = False
    """You are always invited unless the chair thinks there is a very good reason."""
    serious_step: bool = False
    """Stopping a parent coming is a serious step: the chair decides and explains why."""
    letter: bool = False
    """The chair explains why in a letter."""
    meet_chair_after: bool = False
    """You can meet the chair afterwards to talk about what was decided."""
    views_another_way: bool = False
    """Your views still count: give them through your social worker, or write to the chair."""
    separately_if_domestic_abuse: bool = False
    """If there has been domestic abuse, parents may be invited at different times."""
    leave_for_a_short_time: bool = False
    """Sometimes you may be asked to leave the meeting for a short time."""


class OnTheDay(Model):
    """What the leaflet says happens at the meeting."""

    introductions: bool = False
    """The chair makes sure everyone says who they are and what their job is."""
    chair_experienced: bool = False
    """The chair has a lot of experience in child protection."""
    chair_fair: bool = False
    """The chair makes sure decisions are fair and everyone, including your child, has a say."""
    chair_helps_you: bool = False
    """The chair helps you take part and say what you think."""
    respectful: bool = False
    """Everyone shares information in a respectful way that treats people fairly."""
    talk_about_family_life: bool = False
    """People talk about worries, what is going well, what must change, and life as a child in your family."""
    what_if_nothing_changes: bool = False
    """The chair asks the social worker what they worry will happen if nothing changes."""


class Decisions(Model):
    """What the conference can decide, and what follows."""

    professionals_decide: bool = False
    """The professionals decide whether the plan is a child in need or child protection plan."""
    together: bool = False
    """The professionals decide together, when they agree the child is still at risk of significant harm."""
    cannot_stop_a_plan: bool = False
    """You are asked what you think, but cannot stop a plan being made if it is needed."""
    other_services: bool = False
    """The conference may also suggest other services to support your family."""
    no_worries_usual_services: bool = False
    """With no worries, your family keeps working with services it knows (school, GP, health visitor)."""
    understand_before_leaving: bool = False
    """You should leave understanding what needs to happen and why."""
    copy_of_decision: bool = False
    """You are sent a copy of the key information, the decision and the actions agreed."""


class After(Model):
    """After the conference."""

    feedback_form: bool = False
    """You are asked to fill in a feedback form (it does not change the decision)."""
    legal_advice_if_no_progress: bool = False
    """With no progress, or more risk, Children's Services may get legal advice; you will be told."""
    key_worker: bool = False
    """A social worker becomes your child's key worker, making sure the plan is carried out."""
    plan_written_at_first_core_group: bool = False
    """The full plan is written at the first core group meeting."""
    core_group_members: bool = False
    """The core group includes you, your child if old enough, and the key worker."""
    core_group_chosen_at_conference: bool = False
    """The core group is chosen at the conference; you play an active part in it."""
    plan_says_visits: bool = False
    """The plan says how often the social worker will visit your child."""
    some_visits_unannounced: bool = False
    """Some visits are arranged and some are not."""
    family_group_conference: bool = False
    """A family group conference can be arranged, to find support from family and friends."""
    dates_agreed_at_end: bool = False
    """The next meetings and their dates are explained and agreed at the end of the conference."""
    list_kept_by: Name | None = None
    """Who keeps the list of children with a plan (it checks carefully before telling anyone)."""


class Complaints(Model):
    """If you disagree with the decision or want to complain."""

    deadline_days: int | None = Field(default=None, gt=0, le=365, strict=True)
    """A complaint must be sent within this many days of the conference (at most 365)."""
    talk_to_social_worker_first: bool = False
    """First, talk to your social worker: they may explain why the decision was made."""
    then_chair_informally: bool = False
    """Then contact the chair, who arranges an informal meeting with you."""
    formal_to: list[Literal["chair", "unit manager"]] = []
    """Who a formal complaint is made to."""
    unit: Name | None = None
    """The unit whose manager takes complaints, e.g. "Child Protection and Review Unit"."""
    panel: Name | None = None
    """A panel from this partnership can look at it and make recommendations."""
    social_worker_gives_leaflet: bool = False
    """Your social worker will give you a complaints leaflet."""
    leaflet_from_chair: Name | None = None
    """Ask the chair for this body's leaflet about complaints."""
    in_writing: bool = False
    """Complaints should be made in writing."""
    not_reached_properly: bool = False
    """The complaints process is for a decision you think was not reached properly."""
    cannot_be_challenged: bool = False
    """The leaflet says the conference's decision itself cannot be challenged."""
    other_agencies: bool = False
    """Unhappy with one agency's service: use that agency's own complaints process."""
    write_to: Contact | None = None
    """Where to write to complain."""

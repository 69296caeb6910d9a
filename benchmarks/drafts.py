"""Synthetic follow-up drafts for the benchmarks.

``make_drafts(n, seed)`` builds ``n`` job-interview follow-up emails (thank-you notes
and reminders) from sentence templates and word lists in this file. The output is
deterministic for a given ``(n, seed)``: every random choice comes from one seeded
``random.Random``. Each draft has a greeting, one to three body paragraphs and a
sign-off, and is 80 to 220 words long. A share of the drafts carries the things the
linter looks for: typos, casual words, pushy phrases, generic wording, a subject line
and a quoted earlier message.

    python benchmarks/drafts.py --n 3 --seed 7   # print three drafts
"""

from __future__ import annotations

import argparse
import random

MIN_WORDS = 80
MAX_WORDS = 220

FIRST_NAMES = [
    "Anna", "Ben", "Carla", "Dev", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jamal",
    "Katarzyna", "Liam", "Maya", "Nikhil", "Olivia", "Pedro", "Quinn", "Rosa", "Sanjay",
    "Tamsin", "Uchenna", "Valentina", "Wei", "Ximena", "Yusuf", "Zoe", "Marcus", "Priya",
    "Tomás", "Aisha", "Connor", "Mei", "Oluwaseun", "Freya", "Diego", "Hannah",
]
LAST_NAMES = [
    "Okafor", "Lindqvist", "Moreau", "Patel", "Nguyen", "García", "Schmidt", "O'Brien",
    "Kowalski", "Tanaka", "Haddad", "Fischer", "Rossi", "Mensah", "Johansson", "Chen",
    "Delgado", "Novak", "Brennan", "Castillo", "Abernathy", "Ivanova", "Whitfield", "Baker",
]
COMPANIES = [
    "Northwind Analytics", "Brightpath Health", "Lumen Robotics", "Cedar & Pine Architects",
    "Harbor Logistics", "Quillstone Publishing", "Vantage Energy", "Bluefin Software",
    "Orchard Foods", "Meridian Bank", "Copperleaf Games", "Stratus Cloud", "Kestrel Aerospace",
    "Greenway Transit", "Atlas Insurance", "Nimbus Labs", "Riverside Hospital",
    "Sable Retail Group", "Tidewater Consulting", "Juniper Education",
]
ROLES = [
    "Data Analyst", "Senior Backend Engineer", "Product Designer", "Marketing Coordinator",
    "Registered Nurse", "Project Manager", "Financial Analyst", "Customer Success Manager",
    "Junior Architect", "Operations Associate", "Machine Learning Engineer", "Copy Editor",
    "Supply Chain Planner", "UX Researcher", "Sales Development Representative",
    "Quality Assurance Engineer", "HR Generalist", "Site Reliability Engineer",
    "Grant Writer", "Mechanical Engineer",
]
TOPICS = [
    "the migration of your reporting stack to dbt", "how the team handles on-call rotations",
    "the redesign of the onboarding flow", "your plans for the spring product launch",
    "the patient-intake pilot on the third floor", "the move from quarterly to monthly forecasts",
    "how you measure the success of a campaign", "the backlog of accessibility fixes",
    "the new warehouse routing system", "your approach to code review",
    "the expansion into the Nordic market", "the budget for next year's field study",
    "how designers and engineers pair on prototypes", "the renewal rate for enterprise clients",
    "the shift to electric buses on the north line", "the style guide for the autumn catalogue",
    "the latency targets for the payments API", "the mentoring program for new hires",
    "the wind-tunnel tests for the drone frame", "how the clinic schedules weekend shifts",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
DATES = ["March 4", "April 12", "May 20", "June 3", "September 9", "October 17", "November 2"]
INTERVIEW_KINDS = [
    "interview", "phone screen", "video interview", "panel interview", "technical interview",
    "final-round interview", "on-site visit", "conversation",
]
SKILLS = [
    "SQL and Python", "stakeholder management", "Figma prototyping", "patient education",
    "budget tracking in Excel", "Kubernetes and Terraform", "A/B testing",
    "supplier negotiations", "user interviews", "technical writing", "CAD modelling",
    "incident response",
]
EXPERIENCES = [
    "led a data-warehouse migration at my last job", "cut our support backlog by a third",
    "ran weekly usability sessions with nurses", "built the first forecasting model for a startup",
    "managed a team of four interns", "wrote the grant that funded our community lab",
    "shipped a mobile app used by 40,000 people", "reorganised the stockroom for faster picking",
    "coordinated a product launch across three time zones", "set up automated test suites",
]

GREETINGS_FORMAL = ["Dear {first} {last},", "Dear {first},", "Hello {first},", "Hi {first},",
                    "Good afternoon {first},", "Dear Ms. {last},", "Dear Mr. {last},",
                    "Dear Hiring Team,", "Hello {first} and team,"]
GREETINGS_CASUAL = ["Hey {first}!", "Hey guys,", "Hiya {first},", "Hi all,", "Yo {first},"]

SIGN_OFFS = ["Best regards,", "Kind regards,", "Best,", "Sincerely,", "Thank you again,",
             "Warm regards,", "Many thanks,", "All the best,", "Thanks,"]
SIGN_OFFS_CASUAL = ["Cheers!", "Thx,", "Later,", "Talk soon,"]

THANKS_OPENERS = [
    "Thank you for taking the time to meet with me on {day} about the {role} position.",
    "Thank you for the {kind} on {day}; I enjoyed learning more about the {role} role at "
    "{company}.",
    "I appreciated the chance to speak with you about the {role} opening at {company}.",
    "It was a pleasure to meet you and the team at {company} during my {kind} on {date}.",
    "Thank you so much for speaking with me yesterday about joining {company} as a {role}.",
    "Thanks for your time on {day} and for walking me through the {role} position.",
    "I wanted to thank you for the {kind} this morning.",
    "Thank you for the opportunity to interview for the position.",
]
REMINDER_OPENERS = [
    "I hope you are well. I am following up on my {kind} for the {role} position on {date}.",
    "I wanted to follow up on our conversation about the {role} role at {company}.",
    "I am checking in on the status of my application for the {role} position.",
    "It has been two weeks since we spoke about the {role} opening, and I wanted to touch base.",
    "I hope your week is going well. Is there any update on the {role} position?",
    "I am writing to follow up on my {kind} with {company} last week.",
    "Just checking in to see if there has been a decision on the {role} role.",
]
TOPIC_SENTENCES = [
    "I especially enjoyed our discussion of {topic}.",
    "Our conversation about {topic} has stayed with me since.",
    "Hearing about {topic} made me even more excited about the team.",
    "I have been thinking about {topic} and how my background in {skill} could help.",
    "The part about {topic} was the most interesting part of the day for me.",
    "When you described {topic}, it reminded me of a project where I {experience}.",
]
VALUE_SENTENCES = [
    "In my previous role I {experience}, and I would bring the same focus to {company}.",
    "My experience with {skill} lines up well with what you described for the first six months.",
    "I believe my background in {skill} would let me contribute from the first week.",
    "I am confident that my skills would be a great fit for the team.",
    "I think I would be a strong addition to your organization.",
    "Since our meeting I put together a short outline of how I would approach {topic}, "
    "which I am happy to share.",
    "I also want to add that I {experience}, which I did not have time to mention.",
]
ENTHUSIASM_SENTENCES = [
    "I remain very interested in the position and in {company}'s mission.",
    "The role sounds like an excellent match for my goals.",
    "I am excited about the possibility of joining the team.",
    "Everything I learned confirmed that {company} is where I would like to grow.",
    "Please also pass my thanks on to {other}, who was very generous with their time.",
    "It was great to meet {other} as well and to hear how the team works together.",
]
REMINDER_SENTENCES = [
    "I understand these decisions take time, and I am still very interested in the role.",
    "If it would help, I am happy to provide references or work samples.",
    "Could you let me know if there is an updated timeline for next steps?",
    "I know the team is busy, so no rush at all.",
    "Please let me know if you need anything else from me.",
    "I have another offer to consider, so any update on the timeline would be appreciated.",
]
CLOSING_SENTENCES = [
    "Please let me know if I can provide any additional information.",
    "I look forward to hearing from you about next steps.",
    "Thank you again for your time and consideration.",
    "Feel free to reach me at this address or by phone if anything else comes up.",
    "I look forward to the possibility of working together.",
]
CASUAL_SENTENCES = [
    "Honestly it was super awesome to chat with you guys!!",
    "Lemme know if u need anything else from me lol.",
    "Gonna keep my fingers crossed, tbh I'm pretty stoked about this one.",
    "Thx again for the convo, it was really cool.",
    "Btw I'm totally free next week if you wanna chat more 🙂",
    "Anyway, no worries if it takes a while, just wanted to say hi.",
]
PUSHY_SENTENCES = [
    "I need an answer by Friday.",
    "Why haven't I heard back from anyone yet?",
    "I have been waiting for two weeks and I can't wait any longer.",
    "As I said in my last email, I expect a decision this week.",
    "If I do not hear back by Monday I will have to accept another offer.",
    "You promised you would get back to me last week.",
    "Please let me know by tomorrow whether I got the job.",
    "It has been three weeks and nobody has replied.",
]
GENERIC_SENTENCES = [
    "I am a hard worker and a team player.",
    "I am passionate about this opportunity and think I would be a great fit.",
    "I really enjoyed learning more about the company and the position.",
    "Thank you for the opportunity.",
]

TYPOS = {
    "interview": "intervew", "really": "realy", "opportunity": "oportunity",
    "appreciated": "apreciated", "excited": "exited", "position": "postion",
    "experience": "experiance", "definitely": "definately", "receive": "recieve",
    "team": "teem", "forward": "foward", "conversation": "conversaton",
    "especially": "especialy", "interested": "intrested", "believe": "beleive",
    "schedule": "schedual", "thank": "thnak", "because": "becuase",
}

SUBJECTS = [
    "Thank you - {role} interview", "Following up: {role} position", "Re: {role} interview",
    "Thanks for your time on {day}", "Checking in on the {role} role", "Great talking today!",
]
QUOTE_INTROS = [
    "On {day}, {date}, {first} {last} <{email}> wrote:",
    "-----Original Message-----",
]
QUOTED_LINES = [
    "Thanks for coming in today. We will be in touch within two weeks.",
    "It was great to meet you. We are finishing the remaining interviews this week.",
    "Please send over the writing sample we discussed when you have a moment.",
    "We expect to make a decision by the end of the month.",
]


def _word_count(text: str) -> int:
    return len(text.split())


class _DraftMaker:
    """One draft's facts (names, company, role ...) and helpers to fill templates."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        first, other = rng.sample(FIRST_NAMES, 2)
        self.slots = {
            "first": first,
            "last": rng.choice(LAST_NAMES),
            "other": other,
            "company": rng.choice(COMPANIES),
            "role": rng.choice(ROLES),
            "topic": rng.choice(TOPICS),
            "skill": rng.choice(SKILLS),
            "experience": rng.choice(EXPERIENCES),
            "day": rng.choice(DAYS),
            "date": rng.choice(DATES),
            "kind": rng.choice(INTERVIEW_KINDS),
        }
        self.slots["email"] = f"{first.lower()}@{self.slots['company'].split()[0].lower()}.com"

    def fill(self, template: str) -> str:
        return template.format(**self.slots)

    def pick(self, templates: list[str]) -> str:
        return self.fill(self.rng.choice(templates))


def _add_typos(text: str, rng: random.Random, count: int) -> str:
    words = [w for w in TYPOS if w in text]
    for word in rng.sample(words, min(count, len(words))):
        text = text.replace(word, TYPOS[word], 1)
    return text


def _paragraphs(maker: _DraftMaker, reminder: bool, flavour: dict[str, bool]) -> list[list[str]]:
    rng = maker.rng
    opener = maker.pick(REMINDER_OPENERS if reminder else THANKS_OPENERS)
    first = [opener]
    if rng.random() < 0.8:
        first.append(maker.pick(TOPIC_SENTENCES))
    middle = [maker.pick(VALUE_SENTENCES)]
    middle.append(maker.pick(REMINDER_SENTENCES if reminder else ENTHUSIASM_SENTENCES))
    if flavour["generic"]:
        middle.insert(0, rng.choice(GENERIC_SENTENCES))
    if flavour["casual"]:
        middle.insert(rng.randrange(len(middle) + 1), rng.choice(CASUAL_SENTENCES))
    if flavour["pushy"]:
        middle.append(rng.choice(PUSHY_SENTENCES))
    closing = [maker.pick(CLOSING_SENTENCES)]
    paragraphs = [first, middle, closing]
    # Pad with more (distinct) sentences until the body is long enough.
    pool = [maker.fill(t) for t in VALUE_SENTENCES + ENTHUSIASM_SENTENCES + TOPIC_SENTENCES]
    pool += [maker.fill(t) for t in (REMINDER_SENTENCES if reminder else [])]
    rng.shuffle(pool)
    target = rng.randint(MIN_WORDS + 5, MAX_WORDS - 45)
    used = {s for p in paragraphs for s in p}
    for sentence in pool:
        if sum(_word_count(s) for p in paragraphs for s in p) >= target:
            break
        if sentence not in used:
            paragraphs[1].append(sentence)
            used.add(sentence)
    if len(paragraphs[1]) > 4 and rng.random() < 0.6:  # split a long middle paragraph
        cut = len(paragraphs[1]) // 2
        paragraphs[1:2] = [paragraphs[1][:cut], paragraphs[1][cut:]]
    if rng.random() < 0.3:  # some writers use one paragraph only
        paragraphs = [[s for p in paragraphs for s in p]]
    return paragraphs


def make_draft(rng: random.Random) -> str:
    """One follow-up email draft (80 to 220 words)."""
    return make_labelled_draft(rng)[0]


def make_labelled_draft(rng: random.Random) -> tuple[str, frozenset[str]]:
    """One draft and the problems deliberately put into it.

    The labels are a subset of ``PROBLEMS``: ``typo`` (a misspelling was inserted),
    ``casual``, ``pushy`` and ``generic`` (a sentence of that kind was added). Same
    random choices as ``make_draft``, so the text is identical.
    """
    maker = _DraftMaker(rng)
    reminder = rng.random() < 0.4
    flavour = {
        "casual": rng.random() < 0.25,
        "pushy": reminder and rng.random() < 0.35 or rng.random() < 0.05,
        "generic": rng.random() < 0.3,
        "typos": rng.random() < 0.35,
        "subject": rng.random() < 0.25,
        "quoted": reminder and rng.random() < 0.4,
    }
    greeting = maker.pick(GREETINGS_CASUAL if flavour["casual"] and rng.random() < 0.6
                          else GREETINGS_FORMAL)
    body = "\n\n".join(" ".join(p) for p in _paragraphs(maker, reminder, flavour))
    problems = {name for name in ("casual", "pushy", "generic") if flavour[name]}
    if flavour["typos"]:
        typed = _add_typos(body, rng, rng.randint(1, 3))
        if typed != body:
            problems.add("typo")
        body = typed
    sign_off = rng.choice(SIGN_OFFS_CASUAL if flavour["casual"] and rng.random() < 0.5
                          else SIGN_OFFS)
    writer = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    lines = []
    if flavour["subject"]:
        lines += ["Subject: " + maker.pick(SUBJECTS), ""]
    lines += [greeting, "", body, "", sign_off, writer]
    if rng.random() < 0.3:
        lines.append(f"{rng.choice(['+1 555', '+44 20', '(555)'])} {rng.randint(100, 999)} "
                     f"{rng.randint(1000, 9999)}")
    text = "\n".join(lines)
    if flavour["quoted"]:
        quoted = [maker.pick(QUOTE_INTROS)]
        quoted += ["> " + line for line in rng.sample(QUOTED_LINES, 2)]
        quoted += ["> ", "> Best,", "> " + maker.slots["first"]]
        text += "\n\n" + "\n".join(quoted)
    return text + "\n", frozenset(problems)


def make_drafts(n: int, seed: int = 7) -> list[str]:
    """``n`` deterministic follow-up drafts (thank-you notes and reminders), 80-220 words each."""
    return [text for text, _ in make_labelled_drafts(n, seed)]


def make_labelled_drafts(n: int, seed: int = 7) -> list[tuple[str, frozenset[str]]]:
    """The drafts of ``make_drafts(n, seed)``, each with the problems put into it."""
    rng = random.Random(seed)
    drafts = []
    while len(drafts) < n:
        draft, problems = make_labelled_draft(rng)
        if MIN_WORDS <= _word_count(draft) <= MAX_WORDS:
            drafts.append((draft, problems))
    return drafts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3, help="number of drafts to print")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for i, draft in enumerate(make_drafts(args.n, args.seed)):
        print(f"----- draft {i} ({_word_count(draft)} words) -----")
        print(draft)


if __name__ == "__main__":
    main()

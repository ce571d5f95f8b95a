"""The demo database's invented cast: partners, programmes, people and the team.

Kept apart from :mod:`brokerdesk.core.demo` (which builds the rows) so the builder stays
readable. Every name here is invented or generic; none is a real organisation, so a
screenshot of the demo can never be mistaken for a real partnership. Each offer area's first
programme is its headline (always live, with a named lead and funder): the sight-loss
charity's audio-described reading pilot from ``SCENARIOS.md`` among them.
"""

from __future__ import annotations

import re

# The partnerships team: relationship owners and who logged each interaction.
TEAM = ("Priya Shah", "Tom Okafor", "Hannah Lewis", "Gareth Jones", "Aisling Byrne")

# (name, type, status, offer areas with the primary one first, contact limit in days, about)
PARTNERS: tuple[tuple[str, str, str, tuple[str, ...], int, str], ...] = (
    ("Northlight Sight Loss Trust", "charity", "active", ("vision_print_impaired", "reading"),
     30, "national sight-loss charity; audio description and accessible reading."),
    ("Open Pages Reading Charity", "charity", "active", ("reading", "childrens_promise"),
     60, "reading charity running reader-development programmes with libraries."),
    ("Digital Bridges Foundation", "charity", "active", ("information_digital",),
     90, "digital inclusion charity; device lending and skills sessions."),
    ("Wellbeing Partnership for England", "public_body", "active", ("health_wellbeing",),
     60, "national health body; social prescribing through libraries."),
    ("Brightwave Broadcasting", "company", "active", ("culture_creativity", "reading"),
     90, "broadcaster; local stories, book programmes and events."),
    ("Lantern Arts Fund", "funder", "active", ("culture_creativity",),
     90, "grant-maker for arts in public spaces."),
    ("Kestrel Technology UK", "company", "paused", ("information_digital",),
     180, "technology company; donated devices and volunteer coders."),
    ("Story Trail Trust", "charity", "active", ("childrens_promise", "reading"),
     60, "children's reading charity; holiday reading challenges."),
    ("Harbour Health Network", "public_body", "active", ("health_wellbeing",),
     90, "regional health network; health information points."),
    ("Spoken Page Audio Trust", "charity", "active", ("vision_print_impaired",),
     60, "audiobook charity for people with print disabilities."),
    ("Civic Data Collective", "other", "prospect", ("information_digital",),
     90, "volunteer network teaching data and civic tech skills."),
    ("Makers in Residence", "charity", "active", ("culture_creativity",),
     90, "places artists and makers in community spaces."),
    ("Greenleaf Community Foundation", "funder", "active", ("health_wellbeing", "reading"),
     180, "community foundation funding health and reading projects."),
    ("First Words Early Years Trust", "charity", "active", ("childrens_promise",),
     60, "early-years charity; rhymes, songs and first books."),
    ("Later Life Online Network", "charity", "active",
     ("information_digital", "health_wellbeing"),
     90, "helps older people get and stay online."),
    ("Verse Carriers Poetry Trust", "charity", "ended", ("reading", "culture_creativity"),
     180, "poetry readings and residencies; partnership ended."),
    ("Tactile Books Cooperative", "other", "prospect", ("vision_print_impaired",),
     90, "makers of tactile and braille picture books."),
    ("Next Step Careers Service", "public_body", "active", ("information_digital",),
     90, "careers advice sessions in libraries."),
    ("Open Gallery Touring Trust", "charity", "paused", ("culture_creativity",),
     120, "touring exhibitions for small venues."),
    ("Quiet Minds Mental Health Charity", "charity", "active", ("health_wellbeing",),
     60, "mental health charity; calm spaces and talks."),
    ("Reading Robins Family Trust", "charity", "active", ("childrens_promise", "reading"),
     90, "family reading sessions in the early years."),
    ("Coastline Heritage Fund", "funder", "active", ("culture_creativity",),
     180, "funds local heritage and history projects."),
    ("Bytewise Learning Ltd", "company", "prospect",
     ("information_digital", "childrens_promise"),
     90, "coding kits and clubs for young people."),
    ("Large Print Press Partnership", "company", "active", ("vision_print_impaired",),
     90, "large-print publisher supplying library stock."),
    ("Healthy Ageing Alliance", "public_body", "ended", ("health_wellbeing",),
     180, "healthy ageing programme; funding ended."),
    ("Libraries Green Futures", "other", "active", ("culture_creativity",),
     90, "climate and nature projects with libraries."),
    ("Sound Column Talking News", "charity", "active", ("vision_print_impaired",),
     60, "local talking newspapers for blind and partially sighted people."),
    ("Summer Stories Foundation", "funder", "active", ("reading", "childrens_promise"),
     90, "funds summer reading for children."),
    ("Stori Cymru Reading Trust", "charity", "active", ("childrens_promise", "reading"),
     60, "Welsh-language reading charity; bilingual storytimes and first books."),
)  # fmt: skip

# The likely duplicate to merge: the sight-loss charity again, typed in by a colleague from a
# conference list (the same website, the name spelled another way, one of the same people).
# (name, type, status, website, notes)
DUPLICATE_PARTNER = (
    "Northlight Sightloss Trust",
    "charity",
    "prospect",
    "http://northlight-sight-loss-trust.example.org/about",
    "Added from the conference delegate list; probably Northlight Sight Loss Trust again.",
)

# Partners whose last contact is long past (the "not contacted in 120 days" flag).
STALE_PARTNERS = (
    "Makers in Residence",
    "Verse Carriers Poetry Trust",
    "Open Gallery Touring Trust",
    "Civic Data Collective",
)

# Offer area code -> programmes: (name, lead partner, funder, target services); None = any.
Headline = tuple[str, str | None, str | None, int | None]
PROGRAMMES: dict[str, tuple[Headline, ...]] = {
    code: ((first, lead, funder, target), *((name, None, None, None) for name in others))
    for code, (first, lead, funder, target), others in (
        ("culture_creativity", ("Local Voices Arts", "Brightwave Broadcasting",
         "Lantern Arts Fund", 40), ("Makers' Month", "Creative Residencies",
         "Heritage Hunters", "Comic Lab", "Music in Libraries", "Stage Corners")),
        ("information_digital", ("Digital Champions Network", "Digital Bridges Foundation",
         None, 60), ("Online Together Week", "Young Coders Clubs", "Scam Aware Sessions",
         "Job Seekers Digital", "Data Skills Drop-ins", "Tablet Lending")),
        ("health_wellbeing", ("Wellbeing Reading List", "Wellbeing Partnership for England",
         "Greenleaf Community Foundation", 80), ("Wellbeing Cafés", "Memory Moments",
         "Walk and Read", "Quiet Spaces", "Carers' Corners", "Healthy Minds Talks")),
        ("reading", ("Reading Companions", "Open Pages Reading Charity",
         "Summer Stories Foundation", 50), ("Open Book Weekend", "Story Chat Clubs",
         "Reader Voices", "Read Aloud Circles", "Novel Nights", "First Chapters")),
        ("vision_print_impaired", ("Audio-described Reading Pilot",
         "Northlight Sight Loss Trust", "Greenleaf Community Foundation", 30),
         ("Talking Books Access", "Large Print Lending", "Accessible Reading Groups",
         "Tech for Sight Loss", "Tactile Storytimes", "Sound Stories")),
        ("childrens_promise", ("Summer Reading Adventure", "Story Trail Trust",
         "Summer Stories Foundation", 80), ("Rhymetime Plus", "Homework Heroes",
         "Baby Book Bags", "Young Reporters", "Little Makers", "Teen Takeover")),
    )
}  # fmt: skip

# Stories from the nations: programmes run in one nation only.
# (name, offer area, lead, funder, target, region, services taking part, notes)
NATION_PROGRAMMES: tuple[tuple[str, str, str, str, int, str, int, str], ...] = (
    ("Amser Stori: Welsh-language Storytimes", "childrens_promise",
     "Stori Cymru Reading Trust", "Summer Stories Foundation", 22, "Wales", 18,
     "Bilingual storytimes in every branch; Welsh-language picture books supplied."),
    ("Six Counties Family History Days", "culture_creativity", "Brightwave Broadcasting",
     "Coastline Heritage Fund", 1, "Northern Ireland", 1,
     "Running in branches in all six counties; recordings go to the local archive."),
)  # fmt: skip

# Offer areas that are thin in some regions: a live programme in the area (primary or
# secondary) reaches only about one in four of those regions' member services. The North
# West's Health & Wellbeing gap is the one SCENARIOS.md task 3 asks about.
THIN: dict[str, tuple[str, ...]] = {
    "health_wellbeing": ("North West",),
    "information_digital": ("North East",),
    "culture_creativity": ("East Midlands",),
    "vision_print_impaired": ("Yorkshire and The Humber",),
    "childrens_promise": ("South West",),
}

# The shape of the data.
# Status of an area's other programmes (its first is live), rotated per area so the same
# names do not always share a status; every area has every status.
STATUS_CYCLE = ("completed", "negotiating", "live", "idea", "cancelled", "live")
# Services linked per programme, by programme status.
LINKED = {"idea": 0, "negotiating": 15, "live": 70, "completed": 60, "cancelled": 8}
LIVE_STAGES = ("invited", "interested", "signed_up", "signed_up", "active", "active", "active",
               "active", "completed", "withdrawn")  # fmt: skip
# Days until an active partner's agreement ends, by partner: some within the next 90 days.
# One has lapsed a fortnight ago without a new agreement (renewal overdue).
AGREEMENT_ENDS = (45, 400, 20, 700, 200, 75, 550, 300, -14)

FIRST_NAMES = (
    "Amira", "Ben", "Chloe", "Dafydd", "Ellen", "Femi", "Grace", "Harvey", "Isla", "Jas",
    "Kieran", "Leah", "Marek", "Niamh", "Owen", "Poppy", "Rhys", "Sana", "Theo", "Una",
    "Vikram", "Wren", "Yusuf", "Zara",
)  # fmt: skip
LAST_NAMES = (
    "Adams", "Bevan", "Clarke", "Doherty", "Evans", "Fraser", "Gill", "Hughes", "Iqbal",
    "Jenkins", "Kaur", "Lloyd", "Morgan", "Nolan", "O'Neill", "Patel", "Quinn", "Roberts",
    "Singh", "Taylor", "Walsh", "Young",
)  # fmt: skip
ROLES = (
    "Programme Manager",
    "Head of Partnerships",
    "Chief Executive",
    "Engagement Officer",
    "Communications Lead",
    "Project Coordinator",
)
SERVICE_ROLES = (
    "Reader Development Librarian",
    "Head of Libraries",
    "Community Librarian",
    "Digital Inclusion Officer",
    "Children's Services Manager",
)
SUBJECTS = (
    "Quarterly catch-up",
    "Programme planning",
    "Sign-up call",
    "Evaluation review",
    "Funding conversation",
    "Launch event",
    "Training session",
    "Progress update",
    "Board introduction",
    "Renewal discussion",
)
# Participation notes, as a local contact would write them (None: no note).
NOTES: tuple[str | None, ...] = (
    "Keen to take part; needs the toolkit before the launch.",
    "Running it across all branches.",
    "Pilot in the central library first.",
    "Waiting for the service manager's sign-off.",
    "Strong turnout at the first sessions.",
    "Asked for large-print and audio materials.",
    None,
)
# "national" goes on every partner; one or two of the others on each.
TAGS = ("national", "pilot", "sight loss", "children", "digital inclusion", "arts", "health")


def slug(name: str) -> str:
    """ "Open Pages Reading Charity" -> "open-pages-reading-charity" (for example.org hosts)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "")).strip("-")

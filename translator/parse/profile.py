"""Contact details, credentials, specialty and board certification."""

from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache

from translator import dates
from translator.identifiers import EMAIL, PHONE, STREET_WORD, github_address, linkedin_address
from translator.models import Profile, Section
from translator.parse.specialty import most_specific_specialty
from translator.parse.text import DOCUMENT_NAME, PRONOUNS, TITLE_SHARED_WORDS, Line, organization_words
from translator.specialties import specialties

# "Pine Hollow, MT 59801", "Toronto, ON M5V 2T6": a city and its state or province, the postal code left out.
_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC "
    "ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AB BC MB NB NL NS NT NU ON PE QC SK YT"
)
STATE_CODES = frozenset(_STATE_CODES.split(" "))
CITY_STATE = re.compile(
    r"(?<![\w-])([A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]+(?:\s(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]+|de|la|du|of)){0,3}),\s*"
    r"([A-Z]{2})"
    r"(?:\s+\d{5}(?:-\d{4})?|\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d)?(?![\w-])"
)
# "Lyon, France", "Portland, Oregon": a city and a place named in full, when no state code is given.
# (a town's name may hold a particle: "Freiburg im Breisgau", "Frankfurt am Main", "Newcastle upon Tyne")
_CITY_PLACE = re.compile(
    r"\b([A-ZÀ-ÖØ-Þ][a-zA-ZÀ-ÖØ-öø-ÿ.]+(?:\s(?:(?:im|am|an der|an|upon|de|do|da|del|di|la|le|sur)\s)?"
    r"[A-ZÀ-ÖØ-Þ][a-zA-ZÀ-ÖØ-öø-ÿ.]+)*),\s((?:Co\.\s)?[A-Z][a-z]+(?:\s[A-Z][a-z]+)*)\b"
)  # (and an Irish county: "Ballincollig, Co. Cork")
CREDENTIALS = (
    "MD",
    "DO",
    "MBBS",
    "MBChB",
    "PhD",
    "MPH",
    "MS",
    "MSc",
    "MBA",
    "MHA",
    "MMSc",
    "PharmD",
    "FACP",
    "FACC",
    "FAAP",
    "FACS",
    "FACEP",
    "FHM",
    "SFHM",
    "FRCPC",
    "MRCP",
    "DPhil",
    "MSCR",
    "MSCI",
)
# Fellowship post-nominals follow one pattern (FACC, FACOG, FACR, FAAFP, FASE, FCCP, FRCPC): F and capitals.
# and the British, Commonwealth and Canadian colleges' post-nominals: "FRCPath", "FRANZCR", "MRCPsych", "CCFP"
_MORE_DEGREES = (
    r"|F[A-Z]{2,7}(?:ath|sych|Ed|Glas)?|MRC[A-Z]{1,3}(?:sych|ath)?|CCFP(?:\([A-Z]{2,4}\))?|DTM&H|DCH|DRCOG|MMed"
    r"|DrPH|ScD|EdD|DNP|MHS|MSCE|MHPE|MEd"
    r"|DESA|EDAIC|EDIC|EDRA"  # the European diplomas in anaesthesia and intensive care
)
_CREDENTIAL = re.compile(r"(?<![\w.])(" + "|".join(CREDENTIALS) + _MORE_DEGREES + r")(?![\w])")
_DEGREE_NAMES = {
    "doctor of medicine": "MD",
    "doctor of osteopathic medicine": "DO",
    "doctor of philosophy": "PhD",
    "master of public health": "MPH",
    "bachelor of medicine": "MBBS",
    "master of business administration": "MBA",
}
_BOARD = re.compile(
    r"\b(board[- ]certified|diplomate|american board of|certified by the american board|"
    # the American boards' own initials: ABIM, ABFM, ABP, ABEM, ABOG, ABPN, ABS, ABR, ABA, ABPMR, ABMS, ABD, …
    # (in their capitals: "Abu Dhabi" names no American Board of Urology)
    r"(?-i:AB(?:IM|FM|P|EM|OG|PN|S|R|A|U|O|D|PMR|MS|MG|NM|PS|TS|CRS|PM|AI|Path|Oto|NS|PD|PH|CS|OHNS)))\b",
    re.I,
)
_NOT_BOARD = re.compile(r"\b(eligible|steps?|usmle|in progress|expected|pending)\b", re.I)
_PARTICLES = {"de", "da", "del", "della", "van", "von", "der", "den", "la", "le", "bin", "al", "el", "y", "dos", "du"}


def _looks_like_name(text: str) -> bool:
    """Two to five words of letters, each capitalized (particles like "van" or "de" aside): any script."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    for word in words:
        if not all(c.isalpha() or c in ".'’-" for c in word):
            return False
        if not (word[0].isupper() or word in _PARTICLES):
            return False
    return not _NO_ONES_NAME.search(text)


# Words no person's name holds: a hospital's, a school's, a department's ("Prairie State Children's Hospital" under
# the name of the physician who works there)
_NO_ONES_NAME = re.compile(
    r"(?<![\w-])(?:Hospital|University|Clinic|Cent(?:er|re)|Institute|School|College|Health|Medical|Department|Division|"
    r"Medicine|Pediatrics|Surgery|Foundation|Associates|Group|Practice|Services|System|Trust|Infirmary)s?\b"
)


_ADDRESS_LABEL = re.compile(r"^\s*(?:home |postal |mailing )?address\b", re.IGNORECASE)
# and the German-speaking countries' academic titles before a name: "Dr. med.", "Priv.-Doz. Dr. med. univ.",
# "Univ.-Prof."; the French, Spanish, Portuguese and Italian doctor's ("Dre", "Pr", "Dra.", "Dr(a).", "Dott.ssa")
_HONORIFIC = re.compile(
    r"^(?:(?:Univ\.-)?Prof\.\s+|Priv\.-Doz\.\s+|PD\s+(?=Dr))?"
    r"(?:A/|(?:Assoc(?:iate)?|Adj(?:unct)?|Clin(?:ical)?|Emer(?:itus)?)\.?\s+)?"  # "A/Prof", "Assoc. Prof." (Australia)
    r"(?:Dr|DR|Dre|DRE|Dra|DRA|Dr\(a\)|Pr|Dott(?:\.ssa)?|Prof|PROF|Professor|PROFESSOR|Mr|MR|Mrs|MRS|Ms|Miss|MISS|Mme)\.?"
    r"(?:\s+(?:med|rer|nat|phil|univ|dent|sc|habil|h\.\s?c)\.)*\s+(?=[A-Z])"
)
_NOT_A_NAME = re.compile(
    r"[’']s\s+(?:CV|resume)$|(?:\s+[—–|-]\s+|\b)(?:curriculum vitae|resume|résumé|CV)$"
    rf"|^{DOCUMENT_NAME}(?:\s*/\s*{DOCUMENT_NAME})*\s*(?:[—–|:-]|\bof\b)\s*",
    re.IGNORECASE,
)  # "Dr. Geneviève Tremblay-Okafor — CV", "Lebenslauf / CV — Lena Vogelsang-Öztürk": the name, and what the
# document is


_PLACEHOLDER_NAME = re.compile(
    r"\[?\s*(?:your|full|first|last|the)?\s*(?:full\s+)?(?:name|first\s*name\s*last\s*name|firstname\s+lastname)"
    r"(?:\s+here)?\s*\]?|\[[^\]]*\]",
    re.IGNORECASE,
)


# Icons a contact block sets beside its fields (✉ ☎ ⌂ ● ✆ ☏ 📞 📧): no letters of a name.
_ICONS = re.compile(r"\s*[\u2190-\u2bff\U0001f300-\U0001faff]+\s*")
_NAME_LABEL = re.compile(r"^(?:(?:full|legal|applicant|candidate)\s+)?name\s*[:：]\s*", re.IGNORECASE)


# initials, then the given name the person goes by in brackets, as Dutch and Belgian CVs write it
_CALLED = re.compile(r"(?<![\w.])(?:[A-Z]\.){1,4}\s*\((?P<called>[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\)\s+(?=[A-Z])")


# a called name in brackets after the given one
_NICKNAME = re.compile(r"(?<=[a-zà-ÿ])\s+\([A-Z][a-zà-ÿ]+\)(?=\s+[A-Z])")


_PRONOUNS = re.compile(rf"\s*\({PRONOUNS}\)", re.IGNORECASE)


def _name(lines: list[Line]) -> tuple[str | None, str | None]:
    # A PDF tells us which line is set in the largest type at the top: that is the name.
    titled = [line for line in lines if line.heading and line.level == 0]
    for line in [*titled, *lines[:8]]:
        text = _NAME_LABEL.sub("", line.text.strip().lstrip("#").strip())  # a web form's "Name: Tariq M. …"
        text = _ICONS.sub("", text).strip()  # "Elena V. Marchetti-Oyelaran ✉": the contact column's icon beside it
        text = _CALLED.sub(r"\g<called> ", text)  # "Dr. F.A. (Femke) Hoogeveen-Smit": the name she goes by
        text = _NICKNAME.sub("", text)  # "Oluwaseun (Seun) A. Adeyemi-Hart": the name as written on a resume
        text = _PRONOUNS.sub("", text).strip()  # "Dr. Harish Menon Kallat  (He/Him)", as LinkedIn shows it
        head = _NOT_A_NAME.sub("", re.split(r"\s*[,|]\s*|\s{2,}(?=[A-Z]{2})", text, maxsplit=1)[0]).strip()
        if EMAIL.search(head) or PHONE.search(head) or any(c.isdigit() for c in head):
            continue
        candidate = _HONORIFIC.sub("", _CREDENTIAL.sub("", head).strip(" ,"))  # "Dr Venkatesh …": no title
        if _PLACEHOLDER_NAME.fullmatch(candidate):
            return None, text  # "YOUR NAME HERE", "[Your Full Name]": a template's field, no one's name
        if not candidate.isupper():  # "Dr Siobhán Ní Bhriain MB" / "BCh BAO, MRCPsych": a degree wrapped from the name
            candidate = _without_run_on(candidate)[0]
        if _looks_like_name(candidate) or (candidate.isupper() and 2 <= len(candidate.split()) <= 4):
            name = candidate.title() if candidate.isupper() else candidate
            return name, text
    return None, None


def _without_run_on(name: str) -> tuple[str, list[str]]:
    """A name and the post-nominals run on after it with no comma, the name keeping two words at least."""
    words = name.split()
    after: list[str] = []
    while len(words) > 2 and (words[-1] in _RUN_ON_PARTS or _LISTED_CREDENTIAL.fullmatch(words[-1])):
        after.insert(0, words.pop())
    return " ".join(words), after


def name_of(text: str) -> str | None:
    """The person's name a line states, or None."""
    return _name([Line(text=text)])[0]


_DOTTED = re.compile(r"(?<![\w.])((?:[A-Z][a-z]?\.){2,6})(?![\w])")  # "M.D.", "F.A.C.S.", "Ph.D."


def undotted(text: str) -> str:
    """Credentials written with full stops as credentials are listed: "M.D., F.A.C.S." → "MD, FACS"; initials
    that are no credential ("J.R.R.") stay as written."""

    def plain(match: re.Match[str]) -> str:
        letters = match.group(1).replace(".", "")
        return letters if _CREDENTIAL.fullmatch(letters) else match.group(1)

    return _DOTTED.sub(plain, text)


def only_credentials(text: str) -> bool:
    """ "MD, FACEP", "MD, PhD", "MRCP (UK)", "BCh BAO, MD, FRCPI, FRCP": a line of credentials and nothing else
    (post-nominals set after a name in smaller type, which a PDF reads as a line of its own)."""
    plain = _QUALIFIER.sub("", undotted(text))
    if bool(_CREDENTIAL.search(plain)) and not _CREDENTIAL.sub("", plain).strip(" ,·|/"):
        return True
    tokens = [t for t in re.split(r"[\s,·|/]+", plain) if t]
    return bool(tokens) and bool(listed_credentials(text)) and all(map(_POST_NOMINAL.fullmatch, tokens))


_A_POST_NOMINAL_PART = re.compile(
    r"(?=(?:[a-z&]*[A-Z]){2})[A-Z][A-Za-z&]{1,9}(?:\s*\([A-Za-z ]{1,12}\))?(?:\s+[A-Z][a-z]{1,6}){0,2}"
)
_A_LINE_OF_CONTACT = 200  # characters: a contact or credentials line is never longer


def listed_credentials(text: str) -> list[str]:
    """The post-nominals a line lists and nothing else ("MBBS (Hons), FRANZCR, MHlthInf", "MD, FACEP"), before
    a tagline after a dash or a middle dot; [] for a line of anything else."""
    written = text
    text = re.split(r"\s+[—–|·]\s+", text, maxsplit=1)[0]
    text = _QUALIFIER.sub("", undotted(text))  # "MD (Medicine), DM (Cardiology), MRCP (UK)": the degrees
    found = [m.group(1) for m in _LISTED_CREDENTIAL.finditer(text)]
    if found and not _LISTED_CREDENTIAL.sub("", text).strip(" ,·|"):
        return found
    tokens = [t for t in re.split(r"[\s,·|/]+", text) if t]
    if found and all(_POST_NOMINAL.fullmatch(t) for t in tokens):
        return tokens  # some of them a college's or a country's own ("MHlthInf")
    # each listed part a post-nominal with its field after it: "MBChB, MMed (Urol), FCS (SA) Urol"
    parts = [p.strip() for p in re.split(r",\s*", re.split(r"\s+[—–|·]\s+", written, maxsplit=1)[0]) if p.strip()]
    if len(found) >= 2 and len(parts) >= 2 and all(_A_POST_NOMINAL_PART.fullmatch(p) for p in parts):
        return parts
    return []


def _credentials_below(lines: list[Line], name_line: str | None) -> list[str]:
    """ "Daniel R. Okonjo" / "MD, FACEP": credentials set on the line under the name, nothing else on it but a
    tagline after a dash."""
    texts = [_ICONS.sub("", line.text).strip() for line in lines]  # as the name was read: without its icons
    # (and without the name called in brackets: "Dr Oluwaseun (Seun) Adebayo-Clarke")
    read = [_NICKNAME.sub("", _CALLED.sub(r"\g<called> ", text)) for text in texts]
    if name_line not in read:
        return []
    at = len(read) - 1 - read[::-1].index(name_line)  # (a page header's name above the body's: the body's)
    # the line under the name, or under the contact lines a PDF's second column set beside it ("✉ …", "☎ …")
    found: list[str] = []
    for below in texts[at + 1 : at + 5]:
        if len(below) > _A_LINE_OF_CONTACT:
            break  # a paragraph, no line of credentials (nor one for the e-mail pattern to scan)
        # "MBChB (Hons) MD FRCP — Consultant Gastroenterologist": the credentials before a tagline's dash; a
        # line that goes on with more of them ("BCh BAO, MRCPsych," / "MCPsychI"), or sits under the contact
        # lines ("Montréal, QC" / "MD, CCFP(EM) · CMQ permit 15-2274")
        # (a contact column set beside the name's block puts a phone or an address on the same line: "MD, FRCSC
        # 905-555-0183")
        apart = (
            PHONE.sub("", EMAIL.sub("", below)).strip(" ·|,") if (PHONE.search(below) or EMAIL.search(below)) else below
        )
        tokens = [t for t in re.split(r"[\s,·|/]+", apart) if t]
        listed = listed_credentials(apart) or (tokens if found and all(map(_POST_NOMINAL.fullmatch, tokens)) else [])
        if not listed and not found and below is texts[at + 1]:
            # degrees first, then a title held: "MD, PhD, Docent (Associate Professor) in Oncology"
            parts = [p.strip() for p in below.split(",")]
            leading = list(itertools.takewhile(lambda p: _LISTED_CREDENTIAL.fullmatch(p) is not None, parts))
            listed = leading if len(leading) >= 2 and len(leading) < len(parts) else []
        if listed:
            found += listed
        elif found or not (EMAIL.search(below) or PHONE.search(below) or _location([below], None)):
            break  # a line of something else: the name's block has ended
    return found


# A post-nominal's shape: two capitals or more, no digit ("BSc", "MHlthInf", "DTM&H", "FRCPath", "GradCertDigHlth").
_POST_NOMINAL = re.compile(r"(?=(?:[a-z&]*[A-Z]){2})[A-Z][A-Za-z&]{1,15}")
# What a degree's bracket says of it, and degrees read only on a line of credentials (DM is diabetes elsewhere).
_QUALIFIER = re.compile(r"(?<!CCFP)\s*\([A-Za-z ,&.-]{1,30}\)")  # "CCFP(EM)" is a post-nominal of its own
_LISTED_CREDENTIAL = re.compile(
    r"(?<![\w.])(" + "|".join(CREDENTIALS) + _MORE_DEGREES + r"|DM|DNB|MCh|MRCS|CCT|CESR|MA|HMDC|CMD|MSPH|MSHP)(?![\w])"
)


_WRAPPED_ADDRESS = re.compile(r"(@[\w.]*\w-)\n(?=[a-z][\w-]*\.[a-z])")


def extract_profile(preamble: list[Line], sections: list[Section], all_text: str) -> Profile:
    # A sidebar's "Contact" section holds what a header block would.
    contact = [
        Line(text=t)
        for s in sections
        if s.kind == "contact"
        for e in s.entries
        for t in [*e.lines, *(b.text for b in e.bullets)]  # (a field set with an icon reads as an item)
    ]
    preamble = [*preamble, *contact]
    # an address the page wrapped at its hyphen: "s.nibhriain@eircom-" / "mail.ie | IMC Reg. No. 412987"
    head_text = _WRAPPED_ADDRESS.sub(r"\1", "\n".join(line.text for line in preamble))
    name, name_line = _name(preamble)
    email = EMAIL.search(head_text) or EMAIL.search(all_text)
    phone = PHONE.search(head_text) or PHONE.search(all_text)
    # (not on a line of post-nominals: "BCh BAO, MD" is no town in Maryland)
    places = [line.text for line in preamble if line.text != name_line and not only_credentials(line.text)]
    if name_line and (fields := re.split(r"\s[|·•]\s", name_line, maxsplit=1))[1:]:
        places.append(
            fields[1]
        )  # a header's one line: "Meredith A. Calloway, MD · 2210 Limestone Ridge Dr, …, Austin, TX"
    location = (
        _location(places, name)
        or _location([ln for ln in all_text.splitlines() if _ADDRESS_LABEL.match(ln)], name)
        or _town_by_its_postcode(places, phone.group(0) if phone else "")
    )  # a UK CV's "Personal Details": "Address   1180 Oakview Road, Decatur, GA 30030, USA"
    credentials: list[str] = []
    if name and name_line and not name_line.isupper():  # "Dr Siobhán Ní Bhriain MB": a degree that wraps
        credentials += _without_run_on(re.sub(r"\s{2,}", " ", _name_part(name_line)))[1]
    for match in _LISTED_CREDENTIAL.finditer(_QUALIFIER.sub("", undotted(name_line or ""))):
        if match.group(1) not in credentials:
            credentials.append(match.group(1))  # "Rebecca L. Thornquist, MD, MA, HMDC": each after the name
    credentials += _credentials_below(preamble, name_line)
    credentials = _one_degree(credentials)
    lowered = all_text.lower()
    for phrase, abbreviation in _DEGREE_NAMES.items():
        if phrase in lowered and abbreviation not in credentials:
            credentials.append(abbreviation)
    position, institution = _current_position(sections)
    board_lines = [ln for ln in all_text.splitlines() if _BOARD.search(ln) and not _NOT_BOARD.search(ln)]
    return Profile(
        name=name,
        email=email.group(0) if email else None,
        phone=phone.group(0).strip() if phone else None,
        location=location,
        linkedin=linkedin_address(head_text) or linkedin_address(all_text),
        github=github_address(head_text) or github_address(all_text),
        credentials=list(dict.fromkeys(credentials)),
        specialty=most_specific_specialty(
            position, board_lines, sections, lowered, _described(preamble, name_line, sections)
        ),
        board_certified=bool(board_lines),
        institution=institution,
        position=position,
    )


def _name_part(line: str) -> str:
    return re.split(r"\s*[,|]\s*", line.strip(), maxsplit=1)[0]


# The parts of one British or Irish medical degree, listed apart: "MB", "BCh", "BAO" is "MB BCh BAO"
_DEGREE_PARTS = {"MB": ("BCh", "BS", "ChB", "BChir"), "BM": ("BCh", "BS")}
# every part of those degrees, run on after a name ("Cathal Ó Briain  MB BCh BAO, MCh, …")
_RUN_ON_PARTS = frozenset({*_DEGREE_PARTS, *(p for parts in _DEGREE_PARTS.values() for p in parts), "BAO"})


def _one_degree(credentials: list[str]) -> list[str]:
    joined: list[str] = []
    for credential in credentials:
        if joined and (
            credential in _DEGREE_PARTS.get(joined[-1], ())
            or (credential == "BAO" and joined[-1].endswith(("BCh", "ChB")))
        ):
            joined[-1] = f"{joined[-1]} {credential}"
        else:
            joined.append(credential)
    return joined


def _described(preamble: list[Line], name_line: str | None, sections: list[Section]) -> str:
    """How the physician names themselves: the tagline under the name and the summary's opening ("Vitreoretinal
    surgeon · Milwaukee, WI", "Vitreoretinal surgeon, trained first in India …")."""
    tagline = [line.text for line in preamble[:5] if line.text != name_line and len(line.text) <= 160]
    summary = next(
        (
            t
            for s in sections
            if s.kind == "summary"
            for e in s.entries
            for t in (*e.lines, *(b.text for b in e.bullets))
        ),
        "",
    )
    return "\n".join([*tagline, summary[:120]])


_AUSTRALIAN_PLACE = re.compile(
    r"(?<![\w-])([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}),?\s+(NSW|VIC|QLD|SA|WA|TAS|ACT|NT)"
    r"(?:\s+\d{4}(?![\w-])|(?=,?\s*Australia\b))"  # "Dubbo NSW 2830", "Brisbane, QLD, Australia"
)


_UK_PLACE = re.compile(r"(?<=, )([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),?\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
_STREET_BEFORE = re.compile(r"^.*" + STREET_WORD.pattern.removesuffix("$") + r"\s+(?=[A-Z])")
_PIN_CODE = re.compile(r"(?<=[a-z])\s*[–-]\s*\d{6}\b")
_STATE_AFTER_A_DASH = re.compile(r"(?<=[a-zà-ÿ])\s+[–—-]\s+([A-Z]{2})(?=,)")
_STATE_IN_BRACKETS = re.compile(r"(?<=[a-zà-ÿ]) \(([A-Z]{2})\)(?=[\s,|·•]|$)")
_LOCATION_FIELD = re.compile(r"^\s*(?:current\s+)?(?:location|city|based in)\s*:\s*([^|·•]{2,60})$", re.IGNORECASE)


def _location(lines: list[str], name: str | None) -> str | None:
    """ "City, ST" from the contact block: a street line gives its city, never the street, and "Adeyemi, MD"
    in a running header is the name and a degree, not Maryland."""
    surname = (name or "").split()[-1:] or [""]
    # a contact line's icons part its fields: "… ☎ +44 7700 900418 ⌂ Leeds, West Yorkshire, UK"; a form's label
    # before its value is no part of a town ("Address   Uppsala, Sweden", a Europass row)
    lines = [_ADDRESS_LABEL.sub("", part).strip(" :") for line in lines for part in _ICONS.split(line) if part.strip()]
    lines = [_STATE_IN_BRACKETS.sub(r", \1", line) for line in lines]  # "Québec (QC), Canada" is in Québec, QC
    lines = [_STATE_AFTER_A_DASH.sub(r", \1", line) for line in lines]  # "São Paulo – SP, Brasil" likewise
    lines = [_PIN_CODE.sub("", line) for line in lines]  # "Baner Road, Pune - 411045, Maharashtra": India's PIN code
    from translator.data_files import places

    for line in lines:  # "São Paulo, SP, Brasil", "Utrecht, Nederland": the town and its country, in English
        fields = [f.strip() for f in re.split(r"\s[|·•]\s", line, maxsplit=1)[0].split(",")]
        in_english = places().country_names.get(fields[-1]) if len(fields) in (2, 3) else None
        if (
            in_english
            and re.fullmatch(r"[A-ZÀ-Þ][^\d,]{1,30}", fields[0])
            and (len(fields) == 2 or fields[1].isupper())
        ):
            return f"{fields[0]}, {in_english}"
    for line in lines:  # a form's own field: "Current Location: Singapore"
        if (labelled := _LOCATION_FIELD.match(line)) and labelled.group(1).strip():
            return labelled.group(1).strip()
    for line in lines:
        for match in CITY_STATE.finditer(line):
            city, state = match.groups()
            if state in CREDENTIALS and (city.split()[-1] == surname[0] or _CREDENTIAL.fullmatch(city.split()[-1])):
                continue  # "Adeyemi, MD" in a running header, "MBBS, MD" under the name: degrees, not Maryland
            # (a street and its town run together from two lines: "88 Mountbatten Terrace" / "Hamilton, ON L8V 0A1")
            city = _STREET_BEFORE.sub("", city)
            if state in STATE_CODES and not STREET_WORD.search(city):
                return f"{city}, {state}"
    for line in lines:
        if town := _AUSTRALIAN_PLACE.search(line):  # "Dubbo NSW 2830": a town, its state, its postcode
            return f"{town.group(1)} {town.group(2)}"
    for line in lines:
        if town := _UK_PLACE.search(line):  # "14 Ranmoor Crescent, Sheffield S10 3GU": the town before its postcode
            return f"{town.group(1)}, UK"
    named = named_places()
    for line in lines:  # "14 Raglan Terrace, Ranelagh, Dublin 6, D06 K2X8, Ireland": the town before the postcode
        fields = [f.strip() for f in re.split(r"\s[|·•]\s", line, maxsplit=1)[0].split(",")]
        country = re.sub(r"^the\s+", "", fields[-1]) if fields else ""  # "…, the Netherlands"
        country = places().country_names.get(country, country)  # "…, Zapopan, Jal., México"
        if len(fields) >= 3 and country in _countries():
            # "Dublin 6" (a district), "3818 AB Amersfoort", "20122 Milano" (a postcode before the town); never a
            # state's abbreviation ("Jal.")
            towns = [re.sub(r"\s+\d{1,2}$|^(?:\d{4}\s?[A-Z]{2}|[A-Z]{0,2}-?\d{4,5})\s+", "", f) for f in fields[1:-1]]
            towns = [
                t
                for t in towns
                if re.fullmatch(r"[A-ZÀ-Þ][^\d,]{2,30}", t)
                and not STREET_WORD.search(t)
                and not re.fullmatch(r"\w{2,4}\.", t)
            ]
            if towns and any(c.isdigit() for c in "".join(fields[:-1])):
                return f"{towns[-1]}, {country}"
    for line in lines:  # a country by its initials after the town: "Leeds, UK", "Jumeirah Village Circle, Dubai, UAE"
        fields = [f.strip() for f in re.split(r"\s[|·•]\s", line, maxsplit=1)[0].split(",")]
        if not (2 <= len(fields) <= 4 and fields[-1].isupper() and fields[-1] in _countries()):
            continue
        # (after a street or a district the town is the last part before the country; "Leeds, West Yorkshire, UK"
        # is read below, the town first)
        if len(fields) == 2 or STREET_WORD.search(fields[-3]) or re.search(r"\d", fields[-3]):
            place = fields[-2]
            if (
                re.fullmatch(r"[A-ZÀ-Þ][^\d,@]{1,30}", place)
                and not STREET_WORD.search(place)
                and place not in CREDENTIALS
            ):
                return f"{place}, {fields[-1]}"
    found = [
        match
        for line in lines
        for match in _CITY_PLACE.finditer(line)
        if not (
            match.group(2) in CREDENTIALS or STREET_WORD.search(match.group(1)) or STREET_WORD.search(match.group(2))
        )
    ]  # "Adeyemi, MD" is a name; "Larch Street, Pine Hollow" an address
    # a state or a country named in full first: "Diplomate, American Board of Anesthesiology • Greensboro, North
    # Carolina" is in Greensboro
    known = [m for m in found if any(m.group(2) == p or m.group(2).startswith(f"{p} ") for p in named)]
    if known or found:
        return (known or found)[0].group(0)
    # a town named alone among a contact line's fields: "alasdair.rennie@example.org | 07700 900412 | Glasgow"
    for line in lines:
        if len(line) > _A_LINE_OF_CONTACT or not (EMAIL.search(line) or PHONE.search(line)):
            continue  # (a contact line is short: the e-mail pattern on a paragraph-long word takes its square)
        for field in re.split(r"\s+[|·•]\s+", line):
            field = field.strip()
            if re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ'’-]+(?: [A-ZÀ-Þ][a-zà-ÿ'’-]+){0,2}", field) and field not in CREDENTIALS:
                return field
    # a country named alone on a contact line: a city-state ("Singapore", "Hong Kong") or where the CV says it lives
    return next((line.strip() for line in lines if line.strip() in _countries()), None)


_PO_BOX = re.compile(r"^\s*P\.?\s?O\.?\s+Box\s+[\d-]+,\s*(?P<town>[A-ZÀ-Þ][^\d,|·•]{2,30}?)\s*$", re.IGNORECASE)
_POSTCODE_LAST = re.compile(r",\s*(?P<town>[A-ZÀ-Þ][^\d,|·•]{2,30}?),?\s+(?:[A-Z]{1,2}-)?\d{4,5}\s*$")


def _town_by_its_postcode(lines: list[str], phone: str) -> str | None:
    """An address with no country after its postcode ("14 Protea Close, Rondebosch, Cape Town, 7700"): its town,
    and the country the phone number's calling code names ("+27 21 555 0184"), where it names one."""
    from translator.data_files import places

    code = re.match(r"\s*(?:\+|00)(\d{1,3})", phone)
    calling = places().calling_codes
    country = next((calling[code.group(1)[:n]] for n in (3, 2, 1) if code and code.group(1)[:n] in calling), None)
    for line in lines:
        for part in _ICONS.split(line):
            field = re.split(r"\s[|·•]\s", part)[0]
            if boxed := _PO_BOX.match(field):  # "P.O. Box 14872-00100, Nairobi": the town after the box
                return f"{boxed.group('town')}, {country}" if country else boxed.group("town")
            town = _POSTCODE_LAST.search(field)
            if town and any(c.isdigit() for c in part[: town.start()]) and not STREET_WORD.search(town.group("town")):
                return f"{town.group('town').strip()}, {country}" if country else town.group("town").strip()
    return None


@cache
def _countries() -> frozenset[str]:
    from translator.data_files import places

    return frozenset(places().countries)


@cache
def named_places() -> tuple[str, ...]:
    """US states and countries as written in full ("North Carolina", "Australia"), longest first."""
    from translator.data_files import places

    return tuple(sorted([*places().us_states, *places().countries, *places().regions], key=len, reverse=True))


_INSTITUTION_OF_UNIT = re.compile(
    r"^(.*\b(?:Hospital|Infirmary|Clinic|Medical Cent(?:er|re)|Health System))\s+(?:[\w&-]+\s+){0,3}"
    r"(?:Department|Dept\.?|Division|Unit|Service)$"
)
_UNIT = re.compile(
    r"^(?:the\s+)?(?:[\w&-]+\s+){0,4}(?:division|department|dept\.?|section|(?<!health )services?|unit)$"
    r"|^(?:division|department|dept\.?|section)\s+of\b",
    re.IGNORECASE,
)


def _current_position(sections: list[Section]) -> tuple[str | None, str | None]:
    """(title, institution) of the most recent experience entry that names an organization: the one that
    ended last (an ongoing one first), the first listed among equals, whatever order the CV uses."""
    entries = [e for s in sections if s.kind == "experience" for e in s.entries if e.organization and e.title]
    if not entries:
        return None, None
    latest = max(entries, key=lambda e: (dates.end_year(e.dates), -entries.index(e)))
    assert latest.organization is not None
    return latest.title, employer(latest.organization)


@lru_cache(maxsize=4096)  # a pure function of the name, asked for each pair of posts the resume compares
def employer(organization: str) -> str | None:
    """The organization's own name, as outreach and searches use it: "Emergency Department - Desert Valley
    Medical Center (2019 - Present)" → "Desert Valley Medical Center"; "Division of Cardiology, Northfield
    University School of Medicine, Chicago, IL" → "Northfield University School of Medicine"."""
    text = re.sub(r"\s*\([^()]*\)\s*$", "", organization).strip()  # dates or a note in brackets
    text = re.sub(r"\s*\([^()]*\)", "", text)  # "… Medical Center (Level I trauma center)": a note on it
    # "Summit Ridge Radiology, Inc. / Summa Health System": two organizations, the first the employer
    parts = [p.strip(" ·•|") for p in re.split(r",|\s[-–—|·•/]\s", text) if p.strip(" ·•|")]
    for i in range(len(parts) - 1, 0, -1):  # "Meridian Endovascular, Inc.": the suffix is part of the name
        # "Piedmont Dermatology & Skin Surgery, PA – Charlotte, NC": a professional association, not Pennsylvania,
        # when a state follows it
        association = parts[i] in {"PA", "P.A."} and any(p.split(" ")[0] in STATE_CODES for p in parts[i + 1 :])
        if _CORPORATE_SUFFIX.fullmatch(parts[i]) or association:
            parts[i - 1 : i + 1] = [f"{parts[i - 1]}, {parts[i]}"]
    # A city is the part before a state: "Mayo Clinic, Rochester, MN".
    cities = {parts[i - 1] for i, p in enumerate(parts) if i and p.split(" ")[0] in STATE_CODES}
    # a unit of a named hospital is the hospital's ("Harbourside Hospital Eye Department"), never no employer
    parts = [_INSTITUTION_OF_UNIT.sub(r"\1", p) for p in parts]
    named = [p for p in parts if not _UNIT.match(p) and p.split(" ")[0] not in STATE_CODES and p not in cities]
    named = [p for p in named if not dates.DATE_RANGE.fullmatch(p) and not _CORPORATE_SUFFIX.fullmatch(p)]
    fields = {*specialties().names, *specialties().aliases}
    named = [p for p in named if p.lower() not in fields] or named  # "Cardiology, Penn Medicine": a field first
    # Before the organization a CV may put the physician's own title or field ("Partner, Bluegrass Retina
    # Consultants", "Transplant Hepatology, Volunteer State University Medical Center"): the first part that
    # names an organization is the employer, when one does.
    # "Medical Director, Lakeside Hospital": a part that ends with a title is the physician's, not the employer (the
    # reader keeps its own short list: parse/ never loads the rules' role nouns)
    organizations = [p for p in named if _ORGANIZATION.search(p) and not _TITLE_END.search(p)]
    fallback = [p for p in parts[:1] if p not in cities and not _CORPORATE_SUFFIX.fullmatch(p)]  # never "S.C."
    found = organizations[0] if organizations else named[0] if named else (fallback[0] if fallback else None)
    # Prose names the company without its legal form: "at Meridian Endovascular", not "at …, Inc.".
    found = re.sub(r",\s*(?:" + _CORPORATE_SUFFIX.pattern + r")$", "", found, flags=re.IGNORECASE) if found else None
    return _uncapped(found) if found and found.isupper() and len(found.split()) > 1 else found


_KEPT_CAPITALS = frozenset({"VA", "UC", "UK", "US", "USA", "NHS", "NYU", "UCLA", "UCSF", "USC", "UPMC", "CHOP"})
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "at", "in", "on", "&"})


def _uncapped(name: str) -> str:
    """A name set in capitals, as prose writes it: 'RIVERBEND HEALTH SYSTEM' → 'Riverbend Health System',
    'UNIVERSITY OF IOWA' → 'University of Iowa'; an acronym stays ('NHS LOTHIAN' → 'NHS Lothian')."""
    words = []
    for i, word in enumerate(name.split()):
        letters = re.sub(r"[^A-Za-z]", "", word)
        if letters in _KEPT_CAPITALS or (
            len(letters) <= 4 and not re.search(r"[AEIOUY]", letters) and letters not in {"ST", "MT", "FT"}
        ):  # "St. Mary's": a saint's, not an acronym
            words.append(word)
        elif i and word.lower() in _SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append(
                "-".join(part.capitalize() for part in word.split("-")).replace("'S", "'s").replace("’S", "’s")
            )
    return " ".join(words)


_ORGANIZATION = organization_words(
    TITLE_SHARED_WORDS,
    "Healthcare|Associates|Consultants|Physicians|Specialists|Kaiser|Infirmary|Sanatorium|Trust|"
    "Corporation|Inc|LLC|PLLC|LLP|Ltd|Company|Services|"
    # hospitals as Europe names them: "Landesklinikum Salzach", "Ziekenhuis", "Ospedale", "Hôpital", "CHU"
    r"\w*[Kk]linikum|\w*[Kk]rankenhaus|\w*[Ss]pital|Klinik|Ziekenhuis|Centrum|Ospedale|Policlinico|Hôpital|CHU",
)
_TITLE_END = re.compile(
    r"\b(?:director|partner|chief|chair|attending|physician|surgeon|fellow|resident|lead|head|officer|consultant|"
    r"specialist|professor|instructor|member|advisor)$",
    re.IGNORECASE,
)
_CORPORATE_SUFFIX = re.compile(r"Inc\.?|LLC|L\.L\.C\.|Ltd\.?|PLLC|P\.?C\.?|Corp\.?|Co\.|S\.C\.|LLP", re.IGNORECASE)

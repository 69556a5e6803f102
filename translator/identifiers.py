"""Personal identifiers as CVs write them: contact details, licence, NPI and DEA numbers, and patient details.

One place for the patterns, so that the reader (which keeps licence numbers out of the parsed CV), the
resume and the LLM redaction agree on what an e-mail, a phone number or a licence number is.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(
    r"(?<![\w/.])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?![\w.])"
    # an international number as other countries write it: "+61 491 570 158", "+49 30 23125 417", "+44 (0)20 7946 0958"
    r"|(?<![\w/.])\+(?=(?:[\s.()-]*\d){8,15}(?![\s.-]*\d))\d{1,3}(?:[\s.-]?\(0\))?(?:[\s.-]?\d{1,5}){2,5}(?![\w.])"
    # a UK number written from its trunk 0: "07700 900461", "020 7946 0958", "0117 496 0123"
    r"|(?<![\w/.+])0\d{2,4}\s\d{3,4}\s?\d{3,4}(?![\w.])"
    # an Australian number with its area code in brackets: "(07) 5550 1187"
    r"|(?<![\w/.+])\(0\d\)\s?\d{4}\s?\d{4}(?![\w.])"
)
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# A LinkedIn profile's address as CVs write it: "linkedin.com/in/jane-roe-md", "https://www.linkedin.com/in/…/".
LINKEDIN = re.compile(r"(?<![\w/.-])(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/([\w%-]*\w)/?", re.IGNORECASE)


def linkedin_address(text: str) -> str | None:
    """The profile's address as a resume prints it ("linkedin.com/in/jane-roe-md"); None for none or for a
    template's "your_id"."""
    found = LINKEDIN.search(text)
    if not found or re.fullmatch(r"(?i)your[\w-]*|username|name|handle", found.group(1)):
        return None
    return f"linkedin.com/in/{found.group(1)}"


# A GitHub profile's address, which a health-tech reader looks for beside LinkedIn: "github.com/rlim-ecg"
GITHUB = re.compile(r"(?<![\w.@])(?:https?://)?(?:www\.)?github\.com/([A-Za-z0-9][A-Za-z0-9-]{0,38})(?![\w/-])", re.I)


def github_address(text: str) -> str | None:
    """The GitHub profile's address as a resume prints it; None for none or for a template's "your_id"."""
    found = GITHUB.search(text)
    if not found or re.fullmatch(r"(?i)your[\w-]*|username|name|handle|johndoe", found.group(1)):
        return None
    return f"github.com/{found.group(1)}"


STREET = re.compile(
    r"\b\d{1,6}\s+(?:(?:[NSEW]|NE|NW|SE|SW)\.?\s+)?(?:[A-Z][a-z]+\.?\s+){1,4}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|"
    r"Highway|Hwy|Circle|Cir|Trail|Loop)\b\.?"
)
# A street name ending a place's first part: "Larch Street, Pine Hollow" is an address, not a city.
STREET_WORD = re.compile(
    r"\b(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Terrace|Parkway|"
    r"Pkwy|Highway|Hwy|Circle|Cir|Trail|Loop|Suite|Ste|Apt|Unit|Floor|Box|Crescent|Close|Mews|Gardens|Grove|Row|Square|Walk)\.?$"
)
NPI = re.compile(r"\bNPI\s*(?:number|no\.?|#)?\s*[:#]?\s*\d{10}\b", re.IGNORECASE)
DEA = re.compile(r"\bDEA\s*(?:registration|number|no\.?|#)?\s*[:#]?\s*[A-Z]{2}\d{7}\b", re.IGNORECASE)
LICENCE = re.compile(
    r"\b(?:licen[cs]e|lic\.?)\s*(?:number|no\.?|#)?\s*[:#]?\s*(?=[A-Z0-9.-]*\d)[A-Z0-9][A-Z0-9.-]{3,}\b",
    re.IGNORECASE,
)
# Patient details a bullet may carry when it describes a case.
MRN = re.compile(r"\b(?:MRN|medical record (?:number|no\.?)|record #)\s*[:#]?\s*[A-Z]*\d[\d-]*", re.IGNORECASE)
DOB = re.compile(
    r"\b(?:DOB|D\.O\.B\.|date of birth|born)\s*[:,]?\s*"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+\.? \d{1,2},? \d{4})",
    re.IGNORECASE,
)
SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
# A case told with its patient: an age ("a 34-year-old woman", "67 yo M"), a date of service ("03/14/2025",
# "March 14, 2025"), an accession or record number, a room or bed ("room 412", "bed 12"), initials ("patient
# J.K.", "Mr. K."). A population is no patient: "children aged 0–18", "a 24-bed unit" are left alone.
AGE = re.compile(
    r"\b\d{1,3}[- ](?:year|yr|month|mo|week|wk|day)s?[- ]old\b|\b\d{1,3}\s?(?:yo|y/o|y\.o\.)(?![\w/])", re.IGNORECASE
)
SERVICE_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d{2}\b"
    r"|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (?:19|20)\d{2}\b"
)
ACCESSION = re.compile(r"\baccession\s*(?:number|no\.?|#)?\s*[:#]?\s*[A-Z]*\d[\w-]*", re.IGNORECASE)
ROOM = re.compile(r"\b(?:room|rm\.?|bed)\s*#?\s*\d{1,4}[A-Z]?\b", re.IGNORECASE)
INITIALS = re.compile(
    r"\b(?:patient|pt|Mr|Mrs|Ms|Mx)\.?\s+[A-Z]\.(?:\s?[A-Z]\.)?(?!\w)"
    r"|\b[A-Z]\.[A-Z]\.(?=,? (?:a |an )?\d{1,3}[- ]?(?:year|yo|y/o))"  # "J.K., a 34-year-old"
)
PATIENT = {
    "an age": AGE,
    "a date": SERVICE_DATE,
    "a record number": MRN,
    "an accession number": ACCESSION,
    "a room or bed": ROOM,
    "initials": INITIALS,
    "a date of birth": DOB,
}


# Words that tell a case: a date beside one is a patient's; a date on its own is the physician's (a CCT, a
# registration, a board certification: "Dual accreditation …; CCT 14/08/2021").
_A_CASE = re.compile(
    r"\b(?:patients?|pts?|case|cases|admitted|admission|presented|presenting|died|death|discharged|seen|woman|"
    r"man|boy|girl|infant|baby|neonate|newborn|M&M|morbidity|mortality review|incident|event|encounter|visit)\b",
    re.IGNORECASE,
)


def patient_details(text: str) -> list[str]:
    """What of a patient a line carries, in people's words ("an age", "initials"); empty for none. A date
    counts only in a line that tells a case."""
    found = [name for name, pattern in PATIENT.items() if pattern.search(text)]
    if "a date" in found and len(found) == 1 and not _A_CASE.search(text):
        return []
    return found


# A line about a licence, a registration or a provider number: the numbers on it are identifiers.
_IDENTIFIER_LINE = re.compile(
    # and the registers of other countries' regulators: the UK's GMC, Australia's AHPRA, Ireland's IMC, Canada's CPSO
    r"\b(?:licen[cs]e[sd]?|lic\.|registration|registered|DEA|NPI|permit|permis|certificate|GMC|AHPRA|IMC|CPSO|MCNZ)\b",
    re.I,
)
# An identifier on such a line: letters and digits ("A 138842", "MD-2013-0481", "DR.0061234", "DHA-P-0081234", "052117",
# "FW3928174", an NPI), never a year alone ("2015") or a range of years ("2013-2016").
_NUMBER = re.compile(
    r"(?:\b(?:no\.?|number|#)\s*[:#]?\s*|#\s*)?\b(?:[A-Z]{1,3}(?:[-. ]|(?=\d))){0,2}\d[\d.\-]{2,}\d\b"
    r"(?!\s*[-–—]\s*(?:19|20)\d{2})"
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_YEARS = re.compile(r"^(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}$")


def _identifier(match: re.Match[str]) -> str:
    token = match.group(0)
    digits = re.sub(r"^(?:no\.?|number|#)\s*[:#]?\s*", "", token, flags=re.IGNORECASE)
    core = re.sub(r"^[A-Z]{1,3}[-. ]?", "", digits)
    if _YEAR.match(core) or _YEARS.match(core) or (core == digits and _YEAR.match(core.replace(".", ""))):
        return token
    if core == digits and len(re.sub(r"\D", "", core)) < 5:
        return token  # a bare short number ("Class 3", "PGY 4") is no identifier
    return ""


# A register's number with its label, as councils' registrations are written: "KMC Reg No. 56789", "GMC 7001234 –
# full registration …", "Regn. No: 12345"; the registration and its register stay, the number goes
_SAYS_REGISTERED = re.compile(r"\bregist(?:ration|ered)\b|\blicen[cs]", re.IGNORECASE)
_REGISTERS = r"GMC|IMC|KMC|NMC|MCI|CPSO|AHPRA|MCNZ|HPCSA|CMQ|BMDC|PMDC|SLMC|DMC|MMC|TNMC"
_REGISTER_NUMBER = re.compile(
    rf"(?:\b(?P<register>{_REGISTERS})\s+(?:Reg(?:n|d|istration)?\.?\s*)?(?:No\.?|Number|#)?"
    r"|\bReg(?:n|d|istration)?\.?\s*(?:No\.?|Number|#))"
    r"\s*[:#]?\s*[A-Z]{0,3}[-/ ]?\d[\d/.\-]{3,}\d\b(?P<after>\s*[–—:-]\s*(?=\w))?",
    re.IGNORECASE,
)


def _registered(match: re.Match[str]) -> str:
    if match.group("register") and match.group("after"):  # "GMC 7001234 – full registration …": what it says of it
        return f"{match.group('register')} – "
    # the rest of its field ("KMC Reg No. 56789 | NMC (formerly MCI) registered" holds two)
    before = re.split(r"[|;·]", match.string[: match.start()])[-1]
    after = re.split(r"[|;·]", match.string[match.end() :])[0]
    if _SAYS_REGISTERED.search(before + after):
        return ""  # "GMC full registration with a licence to practise, GMC No. 7184422": said already
    if match.group("register"):
        return f"{match.group('register')} registration"
    start = match.start() == 0 or match.string[: match.start()].rstrip().endswith(("|", ";", ":", "·"))
    return "Registration" if start else "registration"


def without_identifiers(text: str) -> str:
    """The line without licence, NPI and DEA numbers: "Arizona medical license MD-48877, active" →
    "Arizona medical license, active". Lines about anything else are returned as they are."""
    registered = _REGISTER_NUMBER.sub(_registered, text)
    if registered != text:
        text = re.sub(r"\s+([,;:)])", r"\1", re.sub(r"\s{2,}", " ", registered))
        text = re.sub(r",\s*\.(?=\s|$)", ".", text).strip(" ,;:-–—|·•")  # "… to practise, . Specialist …"
    if not _IDENTIFIER_LINE.search(text):
        return text
    cleaned = _NUMBER.sub(_identifier, text)
    if cleaned == text:
        return text
    cleaned = re.sub(r"\s+([,;:)])", r"\1", cleaned)
    # the number's label left behind, with its register's letters: "GMC No. 7184422. Specialist Register: …"
    cleaned = re.sub(
        r"\(\s*\)|(?:\b[A-Z]{2,6}\s+)?\b(?:no\.|no\b|number|#)\s*[:#]?\s*(?=[,;()]|\.\s|\.?$)",
        "",
        cleaned,
        flags=re.IGNORECASE,
    )
    cleaned = re.sub(r"\s*\(\s*\)", "", cleaned)  # "(No. 00142)" once its label went too: no empty brackets
    cleaned = re.sub(r"([–—])\s+[–—](?=\s)", r"\1", cleaned)  # "… Curriculum Vitae – GMC 7184422 – page 3"
    cleaned = re.sub(r",\s*\.(?=\s|$)", ".", cleaned)  # "… to practise, . Specialist …"
    cleaned = re.sub(r"\s*[:#]\s*(?=[,;]|$)", "", cleaned)
    cleaned = re.sub(r"\s{2,}", " ", cleaned)
    cleaned = re.sub(r",\s*(?=,)", "", cleaned)  # "License, , active": the number went from between commas
    cleaned = re.sub(r":\s+(?=\()", " ", cleaned)  # "AHPRA registration: (general …)": its label's colon too
    return cleaned.strip(" ,;:-–—|·•")


# Credentials an industry reader skims past: life-support cards and registrations to prescribe. A line is one only
# when nothing else is left once they and their status words are taken out ("DEA registration, active", "ACLS,
# exp. 03/2027", "DEA and CSR on file"; never "Utah (active), Idaho (active). DEA (active).").
MINOR_CREDENTIAL = re.compile(
    # and a protection society's membership ("CMPA member", "MDU, membership no. …"): malpractice cover
    r"\b(?:ACLS|BLS|PALS|NRP|ATLS|ALSO|NALS|ENPC|TNCC|CPR|DEA|NPI|PDMP|CSPMP|CSR|K-TRACS|CSOS|controlled substances?"
    r"|CMPA|MDU|MDDUS|malpractice(?: insurance| coverage)?|professional liability(?: insurance)?"
    # an Australian GP's numbers to bill and to prescribe, and a check to work with children
    r"|Medicare provider numbers?|PBS prescriber numbers?|prescriber numbers?|Working with Children Check|WWCC?\w*"
    r"|(?:basic|advanced|(?:pediatric|paediatric|neonatal) advanced|advanced (?:cardiac|cardiovascular|trauma)) life "
    r"support|ALS2?"
    r"|CS(?= (?:on file|registration|licen[cs]e)))\b",
    re.IGNORECASE,
)
_STATUS_WORDS = re.compile(
    r"\b(?:registrations?|registered|active|current|certified|certification|provider|card|schedules?|[IV]+|exp|"
    r"expires|expiring|renewed|through|until|since|and|with|on file|state|member|membership|no)\b|\d+|[^\w\s]",
    re.IGNORECASE,
)


def minor_credential(line: str) -> bool:
    """A life-support card or a registration to prescribe, with nothing else on the line but its status and, at
    most, the state and agency that issued it ("Texas DPS controlled substances registration")."""
    if not MINOR_CREDENTIAL.search(line):
        return False
    # (the practices a number is held at, in brackets: "4128375J (Talbragar); 4128375K (Gilgandra)")
    rest = _STATUS_WORDS.sub(" ", MINOR_CREDENTIAL.sub(" ", re.sub(r"\((?=[A-Z])[^()]*\)", " ", line))).split()
    named = [w for w in rest if not (w.isupper() and len(w) <= 5)]  # "DPS": the agency's initials
    return all(w[:1].isupper() for w in rest) and len(named) <= 1 and len(rest) <= 2

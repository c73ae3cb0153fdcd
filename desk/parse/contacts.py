"""Contact details from a resume: email, phone, profile links and location, as written.

Contacts live in the header (the lines before the first section heading), usually several
on one line joined by "|", "·" or "•". Phones and locations are only trusted there or after
a label ("Phone:", "Location:"): a resume's body is full of number runs and "City, ST" pairs
that belong to employers. Patterns start at a boundary and use bounded or possessive
quantifiers, so long junk lines cost linear time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from desk.parse.names import name_tokens

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}+@[\w-]{1,63}+(?:\.[\w-]{1,63}+){1,6}+")
_PHONE = re.compile(
    r"(?<![\w+/.,-])(?:\+{1,2}\d{1,3}[ \t.\-]{0,2}|\(\+\d{1,3}\)[ \t.\-]{0,2})?(?:\(0\)[ \t]?)?(?:\(\d{1,5}\)[ \t.\-]?)?"
    r"\d[\d \t.\-]{4,18}\d(?![\d/])"
)
_PHONE_LABEL = re.compile(
    r"\b(?:phone|mobile|mob|tel|telephone|cell|handy|telefon|téléphone|teléfono|móvil|whatsapp)\b\.?\s{0,3}[:.]?",
    re.I,
)
_YEAR_RUN = re.compile(r"^(?:19|20)\d\d(?:\s*[-–.]\s*(?:19|20)?\d\d)?$")
_DATEISH = re.compile(
    r"(?<!\d)(?:19|20)\d\d[./-](?:0[1-9]|1[0-2])(?!\d)|(?<!\d)(?:0?[1-9]|1[0-2])[./](?:19|20)\d\d(?!\d)"
    r"|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d"
)
_TLDS = (
    "com|org|net|dev|io|me|ai|co|uk|de|fr|es|se|ie|in|app|tech|site|xyz|info|page|blog|codes|eu|ca|us|ch|nl|"
    "at|pl|it|sh|gg|ly|so|cc|be|dk|no|fi|pt|br|au|nz|jp|cn|ru|ro|gr|tv|cloud|online|works|design|studio|"
    "science|engineer|software|pro|one|name|bio|link|space|website|github\\.io|gitlab\\.io"
)
_LINK = re.compile(
    r"(?<![\w@./-])(?:https?://)?(?:www\.)?(?:[a-z0-9][a-z0-9-]{0,62}+\.){1,4}+"
    rf"(?:{_TLDS})(?![\w@-])(?:/[^\s|,;()<>\"'·•]{{0,200}}+)?",
    re.I,
)
_SCHEME = re.compile(r"(?<![\w@./-])https?://[^\s|,;()<>\"'·•]{3,300}+", re.I)
_PROFILE_HOSTS = re.compile(
    r"^(?:https?://)?(?:www\.)?(?:github\.com|gitlab\.com|linkedin\.com|bitbucket\.org|stackoverflow\.com|"
    r"kaggle\.com|medium\.com|behance\.net|dribbble\.com|twitter\.com|x\.com|huggingface\.co|scholar\.google)",
    re.I,
)
_HOST_HINTS = (
    "github.",
    "gitlab.",
    "linkedin.",
    "bitbucket.",
    "stackoverflow.",
    "kaggle.",
    "medium.",
    "behance.",
    "dribbble.",
    "twitter.",
    "x.com",
    "huggingface.",
    "scholar.",
)
#: Dotted words that look like domains but are technologies ("Node.js", "ASP.NET", "Vue.io"?).
_NOT_SITES = re.compile(r"^(?:asp\.net|vb\.net|ado\.net|node\.js|\w+\.(?:js|py|rb|ts|go))$", re.I)
#: Separators between contact items on one header line.
SEPARATORS = re.compile(r"\s++[|·•▪◦●∙/—–]\s++|\s*+[|·•▪∙]\s*+|\t++|\s{3,}+|\s++-\s++")


#: Items of a contact line: plain-text resumes often set them apart with just two spaces
#: ("jane@example.com  +34 612 345 678  Madrid").
_ITEMS = re.compile(SEPARATORS.pattern + r"|(?<!,)\s{2}+")


def _lower_set(words: str, sep: str = "|") -> frozenset[str]:
    return frozenset(w.strip().lower() for w in words.split(sep) if w.strip())


US_STATES = frozenset(
    w.upper()
    for w in _lower_set(
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
        "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC ON QC BC AB MB NS NB NL PE SK",
        " ",
    )
)
#: Australian states as written after a city ("Sydney, NSW"); US_STATES holds Canada's provinces.
PROVINCES = frozenset(["NSW", "VIC", "QLD", "TAS", "ACT"])

COUNTRIES = _lower_set(
    "UK|U.K.|United Kingdom|England|Scotland|Wales|Ireland|Northern Ireland|USA|U.S.A.|US|U.S.|United States|"
    "Canada|Mexico|Brazil|Argentina|Chile|Colombia|Peru|Germany|Deutschland|Austria|Österreich|Switzerland|"
    "Schweiz|France|Belgium|Netherlands|The Netherlands|Luxembourg|Spain|España|Portugal|Italy|Italia|Greece|"
    "Sweden|Sverige|Norway|Denmark|Finland|Iceland|Poland|Polska|Czech Republic|Czechia|Slovakia|Hungary|"
    "Romania|Bulgaria|Serbia|Croatia|Slovenia|Ukraine|Russia|Turkey|Türkiye|Estonia|Latvia|Lithuania|"
    "Israel|UAE|United Arab Emirates|Saudi Arabia|Qatar|Egypt|Morocco|Nigeria|Ghana|Kenya|South Africa|"
    "Ethiopia|India|Pakistan|Bangladesh|Sri Lanka|Nepal|China|Japan|South Korea|Korea|Taiwan|Hong Kong|"
    "Singapore|Malaysia|Indonesia|Philippines|Vietnam|Thailand|Australia|New Zealand|Lebanon|Jordan|"
    "Tunisia|Algeria|Cyprus|Malta"
)
#: Cities often written alone in a header ("DevOps Engineer · London").
CITIES = _lower_set(
    "London|Berlin|Munich|München|Hamburg|Paris|Lyon|Madrid|Barcelona|Lisbon|Amsterdam|Rotterdam|Dublin|"
    "Stockholm|Copenhagen|Oslo|Helsinki|Warsaw|Kraków|Krakow|Prague|Vienna|Zurich|Zürich|Geneva|Brussels|"
    "Milan|Rome|Athens|Bucharest|Budapest|Manchester|Leeds|Bristol|Edinburgh|Glasgow|Birmingham|Cambridge|"
    "Oxford|New York|NYC|San Francisco|Seattle|Austin|Boston|Chicago|Denver|Toronto|Montreal|Montréal|"
    "Vancouver|Bengaluru|Bangalore|Hyderabad|Pune|Mumbai|Delhi|Chennai|Singapore|Tokyo|Sydney|Melbourne|"
    "Tel Aviv|Dubai|Cairo|Lagos|Nairobi|Accra|Shanghai|Beijing|Shenzhen|Hong Kong|Seoul|Frankfurt|Cologne|"
    "Köln|Stuttgart|Dresden|Leipzig|Remote|"
    "Kolkata|Noida|Gurgaon|Gurugram|Ahmedabad|Kochi|Cochin|Thiruvananthapuram|Trivandrum|Coimbatore|Jaipur|"
    "Chandigarh|Indore|Navi Mumbai|Thane|Mysuru|Mysore|Bhubaneswar|Nagpur|Vadodara|Ottawa|Waterloo|Calgary|"
    "Edmonton|Atlanta|Los Angeles|San Jose|San Diego|Dallas|Houston|Washington|Philadelphia|Pittsburgh|"
    "Portland|Raleigh|Minneapolis|Detroit|Miami|Utrecht|Eindhoven|The Hague|Lausanne|Porto|Valencia|Seville|"
    "Bilbao|Marseille|Toulouse|Lille|Nantes|Bordeaux|Brno|Wrocław|Wroclaw|Gdańsk|Gdansk|Poznań|Poznan|"
    "Cluj-Napoca|Iași|Iasi|Sofia|Belgrade|Zagreb|Tallinn|Riga|Vilnius|Kyiv|Istanbul|Ankara|Riyadh|Doha|"
    "Abu Dhabi|Karachi|Lahore|Islamabad|Dhaka|Colombo|Kathmandu|Manila|Jakarta|Kuala Lumpur|Bangkok|"
    "Ho Chi Minh City|Hanoi|Osaka|Kyoto|Taipei|Auckland|Wellington|Brisbane|Perth|Adelaide|Canberra|"
    "Johannesburg|Cape Town|São Paulo|Sao Paulo|Rio de Janeiro|Mexico City|Buenos Aires|Bogotá|Bogota|Lima"
)
#: States and provinces written after a city ("Ottawa, Ontario, Canada", "Pune, Maharashtra").
REGIONS = _lower_set(
    "Ontario|Quebec|Québec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|"
    "Newfoundland and Labrador|Prince Edward Island|"
    "Karnataka|Maharashtra|Telangana|Tamil Nadu|Kerala|Andhra Pradesh|Uttar Pradesh|West Bengal|Gujarat|"
    "Rajasthan|Haryana|Punjab|Madhya Pradesh|Odisha|Bihar|Goa|Assam|Jharkhand|Chhattisgarh|Uttarakhand|"
    "New South Wales|Victoria|Queensland|Western Australia|South Australia|Tasmania|"
    "Bayern|Bavaria|Baden-Württemberg|Hessen|Hesse|Nordrhein-Westfalen|Sachsen|Niedersachsen|"
    "Île-de-France|Catalonia|Cataluña|Lombardy|Lombardia|England|Scotland|Wales"
)
_DIGITS = re.compile(r"\d+")
_DIGIT_AT = re.compile(r"[\d@]")
_SCHEME_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?", re.I)
_HOST_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?[^/]+", re.I)
_PAREN_END = re.compile(r"\s*\([^()]{0,60}\)\s*$")
_SLASH_REMOTE = re.compile(r"\s*/\s*remote$", re.I)
_REMOTE = re.compile(r"^remote\b", re.I)
_LOCATION_LABEL = re.compile(
    r"^(?:(?:current|present)\s+)?(?:location|address|based in|city|residence|wohnort|standort|adresse|"
    r"anschrift|ubicación|dirección|direccion|domicilio|localisation|adres|indirizzo|endereço|morada)"
    r"\s*[:\-–]\s*(.+)$",
    re.I,
)
#: A postcode beside a city: "69003 Lyon", "D-80337 München", "3511 AK Utrecht", "Austin, TX 78704",
#: "Navi Mumbai 400703", "Hyderabad - 500 072", "London SW1A 1AA".
_POSTCODE = re.compile(
    r"^(?:[A-Z]{1,2}-)?\d{4,6}(?:\s?[A-Z]{2}(?=\s))?\s+|[\s,–-]+\d{3}\s?\d{3}$|\s+\d{5}(?:-\d{4})?$|\s+(?!(?:19|20)\d\d$)\d{4}$"
    r"|\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$"
)
#: LinkedIn's metro areas: "San Francisco Bay Area", "Greater Chicago Area", "Greater Bengaluru Area".
_AREA = re.compile(r"^(?:greater\s+)?(.+?)\s+(?:bay\s+|metropolitan\s+|metro\s+)?area$", re.I)
#: "Phoenix AZ": a city and a US state with no comma between; not the states that are also company
#: forms or words ("Saltsjö Networks AB", "Philips NV", "Acme CO", "Telekom DE").
_BARE_STATES = US_STATES - frozenset(
    ["AB", "BC", "MB", "NB", "NL", "NS", "ON", "PE", "QC", "SK", "CO", "DE", "IN", "ME", "NV", "OR"]
)
_CITY_STATE = re.compile(r"^(?:[A-Z][\w.'’-]*\s){1,3}([A-Z]{2})$")
_PLACE_WORD = r"[^\W\d_][\w'’.\-]*"
_PLACE = re.compile(
    rf"^{_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}}(?:, {_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}}){{1,2}}$"
)
_NOT_PLACE = re.compile(
    r"\b(?:engineer|developer|manager|analyst|intern|lead|architect|scientist|designer|consultant|director|"
    r"recruiter|specialist|administrator|university|college|institute|school|inc|ltd|gmbh|llc|corp|phd|"
    r"senior|junior|student|candidate|citizen|clearance|and|with|years?|"
    # a LinkedIn headline's topics: "Backend, Distributed Systems", "Python, Machine Learning"
    r"backend|frontend|full[- ]?stack|systems?|software|data|cloud|devops|learning|platforms?|"
    r"infrastructure|security|mobile|web|apis?|microservices|native|bilingual|fluent|elementary|"
    r"professional|proficiency|beginner|intermediate|advanced|"
    # languages known: "Tamil, English", "Hindi, Marathi" (but Tamil Nadu is a state)
    r"english|hindi|tamil(?!\s+nadu)|telugu|kannada|malayalam|marathi|bengali|gujarati|punjabi|urdu|"
    r"german|french|spanish|mandarin|arabic|russian)\b",
    re.I,
)


def find_email(text: str) -> str | None:
    """The first email address, as written; "jane [at] example [dot] com" as jane@example.com."""
    if "@" not in text:
        m = _AT_WRITTEN.search(text)
        if m is None:
            return None
        return find_email(_DOT_WRITTEN.sub(".", _AT_WRITTEN.sub("@", text)))
    m = _EMAIL.search(text)
    return m.group(0).rstrip(".") if m else None


#: An address written out against scrapers: "jane[at]example.com", "jane (at) example (dot) com".
_AT_WRITTEN = re.compile(r"(?<=[\w.])\s*[\[({]\s*at\s*[\])}]\s*(?=[\w-])", re.I)
_DOT_WRITTEN = re.compile(r"(?<=\w)\s*[\[({]\s*dot\s*[\])}]\s*(?=\w)", re.I)


def _plausible_phone(cand: str) -> bool:
    """>= 7 digits and not a year, a date or a year range ("2019 - 2021" is never a phone)."""
    digits = sum(c.isdigit() for c in cand)
    if digits < 7 or digits > 15:
        return False
    bare = cand.strip()
    if _YEAR_RUN.match(bare) or _DATEISH.search(bare):
        return False
    groups = _DIGITS.findall(bare)
    if len(groups) >= 2 and all(len(g) == 4 and g[:2] in ("19", "20") for g in groups):
        return False
    return not (len(groups) == 1 and not bare.startswith("+") and digits < 9)


def find_phone(header: str, body: str = "") -> str | None:
    """A phone number as written: from the header, else a labelled one ("Phone: ...") in the body."""
    for m in _PHONE.finditer(header):
        cand = m.group(0).strip(" \t.-")
        if _plausible_phone(cand):
            return cand
    if body and _PHONE_LABEL.search(body):
        for lm in _PHONE_LABEL.finditer(body):
            m = _PHONE.search(body, lm.end(), lm.end() + 40)
            if m and _plausible_phone(m.group(0)):
                return m.group(0).strip(" \t.-")
    return None


def _link_ok(link: str) -> bool:
    host = _SCHEME_PREFIX.sub("", link)
    return "." in host and not _NOT_SITES.match(host) and not host[:1].isdigit()


def find_links(header: str, body: str = "") -> list[str]:
    """Profile links and personal sites, as written and deduplicated.

    Everything that looks like a site in the header; in the body only profile pages
    (github.com/user, linkedin.com/in/user): a project's repository is evidence, not a contact.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(link: str) -> None:
        link = link.rstrip(".,;:)/")
        key = _SCHEME_PREFIX.sub("", link.lower()).rstrip("/")
        if link and key not in seen and _link_ok(link):
            seen.add(key)
            out.append(link)

    with_scheme = list(_SCHEME.finditer(header))
    found = [(m.start(), m.group(0)) for m in with_scheme]
    spans = [m.span() for m in with_scheme]
    for m in _LINK.finditer(header):
        if not any(a <= m.start() < b for a, b in spans):
            found.append((m.start(), m.group(0)))
    for _, link in sorted(found):
        add(link)
    low = body.lower()
    if not any(h in low for h in _HOST_HINTS):
        return out
    for m in _LINK.finditer(body):
        link = m.group(0).rstrip(".,;:)/")
        path = _HOST_PREFIX.sub("", link)
        if _PROFILE_HOSTS.match(link) and path.count("/") <= (2 if "/in/" in path else 1) and len(path) > 1:
            add(link)
    return out


def _strip_item(item: str) -> str:
    item = item.strip(" \t,;:|·•-–—")
    if item.startswith("(") and item.endswith(")"):
        item = item[1:-1].strip()
    return item


@lru_cache(maxsize=4096)
def is_place(item: str) -> bool:
    """ "Austin, TX", "Berlin, Germany", "Frankfurt am Main, Germany", "London", "Remote"."""
    if not item or len(item) > 60 or _DIGIT_AT.search(item):
        return False
    base = _PAREN_END.sub("", item).strip()  # "Lyon, France (remote)"
    base = _SLASH_REMOTE.sub("", base)  # "Accra, Ghana / Remote"
    if _key(base) in CITIES or _REMOTE.match(base):
        return True
    area = _AREA.match(base)
    if area and (_key(area.group(1)) in CITIES or _key(area.group(1)) in COUNTRIES):
        return True
    city_state = _CITY_STATE.match(base)
    if city_state and city_state.group(1) in _BARE_STATES and not _NOT_PLACE.search(base):
        return True
    if "," not in base or not _PLACE.match(base) or _NOT_PLACE.search(base):
        return False
    last = base.rsplit(",", 1)[1].strip()
    return (
        last in US_STATES
        or last in PROVINCES
        or _key(last) in COUNTRIES
        or _key(last) in REGIONS
        or _key(last) in CITIES
        or (last[:1].isupper() and len(base.split(",")) == 2 and len(base) <= 40)
    )


def find_location(
    header_lines: Sequence[str], body_lines: Sequence[str] = (), name: str | None = None
) -> str | None:
    """Where the person is, as written: a "Location:" label, else a place among the header's items.

    Scans items of each header line (split on separators), preferring "City, Region"
    shapes; falls back to a lone well-known city or "Remote". The person's own name line is
    no place, even when letters after it make it look like one ("RODRIGO NASCIMENTO, P.E.").
    """
    named = name_tokens(name) if name else []
    for line in [*header_lines, *body_lines]:
        m = _LOCATION_LABEL.match(line.strip()) if ":" in line else None
        if m:
            return _place_in_address(m.group(1)) or _strip_item(SEPARATORS.split(m.group(1))[0]) or None
    weak: str | None = None
    for line in header_lines:
        for item in _ITEMS.split(line[:300]):
            item = _strip_item(_EMAIL.sub("", item))
            if not item or _LINK.fullmatch(item):
                continue
            item = _without_postcode(item)
            if named and name_tokens(item.split(",")[0])[: len(named)] == named:
                continue
            if is_place(item):
                if "," in item:
                    return _without_street(item)
                weak = weak or item
            elif "," in item and _DIGIT_AT.search(item):  # a street address: "12 rue des Lilas, 69003 Lyon"
                weak = weak or _place_in_address(item)
    return weak


def _key(text: str) -> str:
    """Lower case for looking places up: Turkish "İstanbul" lowers to "i̇stanbul" (with a dot)."""
    return text.replace("İ", "I").lower()


_ADDRESS_ITEMS = re.compile(r",\s*|" + SEPARATORS.pattern)
#: The street or quarter that opens an address: "Caferağa Mah., Kadıköy, İstanbul".
_STREETISH = re.compile(
    r"\d|\b(?:mah|mahallesi|sok|sokak|cad|caddesi|str|st|rd|ave|blvd)\.|\b(?:street|road|avenue|lane|calle|"
    r"rua|via|straße|strasse|allee|laan|straat|ulica)\b",
    re.I,
)


def _without_street(place: str) -> str:
    """A place without the street or quarter in front of its town, when two parts are left."""
    parts = [p.strip() for p in place.split(",")]
    while len(parts) > 2 and _STREETISH.search(parts[0]):
        parts = parts[1:]
    return ", ".join(parts)


def _without_postcode(item: str) -> str:
    if not _DIGIT_AT.search(item):
        return item
    return _POSTCODE.sub("", item).strip(" ,") or item


def _place_in_address(address: str) -> str | None:
    """The town of a written address, from its end: "Lindwurmstraße 88, 80337 München" -> München,
    "Flat 302, KPHB Colony, Kukatpally, Hyderabad" -> "Kukatpally, Hyderabad". Only a town, state
    or province desk knows counts: an address's other items are as name-shaped as any place."""
    items = [_without_postcode(_strip_item(i)) for i in _ADDRESS_ITEMS.split(address[:300])]
    items = [i for i in items if i]
    if len(items) >= 2 and _key(items[-1]) in COUNTRIES and not _DIGIT_AT.search(items[-2]):
        return f"{items[-2]}, {items[-1]}"  # "..., Cape Town 7550, South Africa": the town and its country
    for k in range(len(items) - 1, -1, -1):
        last = _PAREN_END.sub("", items[k]).strip()
        if not (_key(last) in CITIES or _key(last) in REGIONS or last in US_STATES):
            continue  # only a town or state desk knows ends the address's place
        pair = f"{items[k - 1]}, {items[k]}" if k else ""
        if pair and not _DIGIT_AT.search(items[k - 1]) and is_place(pair):
            return pair
        return items[k]
    return None

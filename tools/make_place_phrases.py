"""Write peaceops/assets/place-phrases.json: how a sentence says "in" each ISO 3166 country.

Why: a mission may be in any country, and an editor adding one should not have to know that French
says "au Mali" but "en Haïti", "aux États-Unis", "à Chypre", nor that English says "in the
Netherlands". This derives the phrase of all 249 ISO countries once, from pycountry's names and
the rules of French usage (feminine or vowel-initial: en; masculine: au; plural: aux; most islands
and city-states: à), with the exceptions listed below; the result is committed and reviewed.
data/countries.yaml (phrases:) overrides any of them, and must give one for each territory.

Run: .venv/bin/python tools/make_place_phrases.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry

from peaceops.source.places import iso_country

OUTPUT = Path(__file__).resolve().parent.parent / "peaceops" / "assets" / "place-phrases.json"

# English names read with "the".
ENGLISH_THE = {
    "AE", "AX", "BS", "CD", "CF", "CG", "CK", "DO", "PS", "FK", "FO", "GB", "GM", "HM", "IO", "KM", "KY", "MH",
    "MP", "MV", "NL", "PH", "PN", "SB", "TC", "TF", "UM", "US", "VA", "VG", "VI", "CC", "BQ",
}
# English names where pycountry's short name does not read well in a sentence.
ENGLISH_NAME = {
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "FM": "Micronesia",
    "FK": "Falkland Islands", "VA": "Holy See", "VG": "British Virgin Islands", "VI": "United States Virgin Islands",
    "BN": "Brunei", "RU": "Russia", "PS": "State of Palestine", "PN": "Pitcairn Islands", "CC": "Cocos (Keeling) Islands", "BQ": "Caribbean Netherlands",
    "SH": "Saint Helena, Ascension and Tristan da Cunha", "MF": "Saint Martin", "SX": "Sint Maarten",
}
# French names in their usual form, where pycountry gives the inverted official one.
FRENCH_NAME = {
    "AX": "Åland", "BO": "Bolivie", "CC": "îles Cocos", "CX": "île Christmas", "FK": "Malouines",
    "FM": "Micronésie", "IR": "Iran", "KP": "Corée du Nord", "KR": "Corée du Sud", "LA": "Laos",
    "MD": "Moldavie", "PS": "Palestine", "RE": "Réunion", "RU": "Russie", "SB": "Salomon", "SY": "Syrie",
    "TW": "Taïwan", "TZ": "Tanzanie", "VE": "Venezuela", "VA": "Saint-Siège", "VI": "îles Vierges des États-Unis",
    "UM": "îles mineures éloignées des États-Unis", "GS": "Géorgie du Sud-et-les Îles Sandwich du Sud",
    "SH": "Sainte-Hélène, Ascension et Tristan da Cunha", "MF": "Saint-Martin", "SX": "Sint Maarten",
    "BQ": "Pays-Bas caribéens", "TL": "Timor-Leste", "IQ": "Iraq", "SR": "Suriname", "CD": "République démocratique du Congo",
}
# French: the whole phrase, where the rules below would be wrong.
FRENCH_PHRASE = {
    # plural names: aux
    "AE": "aux Émirats arabes unis", "BS": "aux Bahamas", "KM": "aux Comores", "MV": "aux Maldives",
    "NL": "aux Pays-Bas", "PH": "aux Philippines", "SC": "aux Seychelles", "FJ": "aux Fidji",
    "US": "aux États-Unis", "SB": "aux Îles Salomon", "MH": "aux Îles Marshall", "KY": "aux Îles Caïmans",
    "CK": "aux Îles Cook", "FO": "aux Îles Féroé", "MP": "aux Îles Mariannes du Nord", "PN": "aux Îles Pitcairn",
    "TC": "aux Îles Turques-et-Caïques", "VG": "aux Îles Vierges britanniques", "VI": "aux îles Vierges des États-Unis",
    "CC": "aux îles Cocos", "HM": "aux Îles Heard-et-MacDonald", "FK": "aux Malouines", "BM": "aux Bermudes",
    "UM": "aux îles mineures éloignées des États-Unis", "AS": "aux Samoa américaines", "TF": "aux Terres australes françaises",
    "BQ": "aux Pays-Bas caribéens",
    # islands and city-states without an article: à
    "AW": "à Aruba", "AI": "à Anguilla", "AG": "à Antigua-et-Barbuda", "BH": "à Bahreïn", "CU": "à Cuba",
    "CW": "à Curaçao", "CY": "à Chypre", "DJ": "à Djibouti", "GG": "à Guernesey", "GU": "à Guam", "HK": "à Hong Kong",
    "JE": "à Jersey", "KI": "à Kiribati", "KN": "à Saint-Christophe-et-Niévès", "LC": "à Sainte-Lucie",
    "MC": "à Monaco", "MG": "à Madagascar", "MO": "à Macao", "MS": "à Montserrat", "MT": "à Malte",
    "MU": "à Maurice", "NR": "à Nauru", "NU": "à Nioué", "OM": "à Oman", "PR": "à Porto Rico", "SG": "à Singapour",
    "SM": "à Saint-Marin", "ST": "à Sao Tomé-et-Principe", "TK": "aux Tokelau", "TO": "aux Tonga", "TT": "à Trinité-et-Tobago",
    "TV": "à Tuvalu", "VC": "à Saint-Vincent-et-les-Grenadines", "WS": "au Samoa", "BL": "à Saint-Barthélemy",
    "MF": "à Saint-Martin", "SX": "à Sint Maarten", "PM": "à Saint-Pierre-et-Miquelon", "YT": "à Mayotte",
    "WF": "à Wallis-et-Futuna", "GI": "à Gibraltar", "SH": "à Sainte-Hélène, Ascension et Tristan da Cunha",
    "IM": "sur l'île de Man", "NF": "sur l'île Norfolk", "BV": "sur l'île Bouvet", "CX": "sur l'île Christmas",
    "AX": "à Åland", "TW": "à Taïwan", "SJ": "au Svalbard et à l'île Jan Mayen", "GS": "en Géorgie du Sud-et-les Îles Sandwich du Sud",
    # islands with the feminine article: à la
    "BB": "à la Barbade", "DM": "à la Dominique", "GD": "à la Grenade", "GP": "en Guadeloupe", "MQ": "en Martinique",
    "RE": "à La Réunion",
    # masculine names ending in e, and others the rules would miss
    "KH": "au Cambodge", "MX": "au Mexique", "MZ": "au Mozambique", "ZW": "au Zimbabwe", "BZ": "au Belize",
    "SR": "au Suriname", "GR": "en Grèce", "KP": "en Corée du Nord", "KR": "en Corée du Sud",
    "VA": "au Saint-Siège", "HT": "en Haïti", "IL": "en Israël", "CG": "en République du Congo",
    "EH": "au Sahara occidental", "GF": "en Guyane française", "NC": "en Nouvelle-Calédonie", "PF": "en Polynésie française",
    "GL": "au Groenland", "IO": "dans le Territoire britannique de l'océan Indien", "AQ": "en Antarctique",
    "TL": "au Timor-Leste", "LA": "au Laos", "SV": "au Salvador", "CR": "au Costa Rica", "LK": "au Sri Lanka",
    "SL": "en Sierra Leone", "BF": "au Burkina Faso", "PG": "en Papouasie-Nouvelle-Guinée", "GW": "en Guinée-Bissau",
    "GQ": "en Guinée équatoriale", "NZ": "en Nouvelle-Zélande", "CV": "au Cap-Vert", "GB": "au Royaume-Uni",
    "MK": "en Macédoine du Nord", "ZA": "en Afrique du Sud", "SS": "au Soudan du Sud", "SA": "en Arabie saoudite",
    "CF": "en République centrafricaine", "DO": "en République dominicaine", "CZ": "en Tchéquie",
    "BA": "en Bosnie-Herzégovine", "CD": "en République démocratique du Congo", "MM": "au Myanmar",
    "PS": "en Palestine", "VN": "au Viet Nam", "FM": "en Micronésie", "BN": "au Brunéi Darussalam", "SZ": "en Eswatini",
    "BY": "au Bélarus", "YE": "au Yémen",
}
VOWELS = "AEIOUYÂÉÈÊÎÏÔÖÛÜÀ"


def english(code: str, name: str) -> str:
    name = ENGLISH_NAME.get(code, name)
    return f"in the {name}" if code in ENGLISH_THE else f"in {name}"


def french(code: str, name: str) -> str:
    if code in FRENCH_PHRASE:
        return FRENCH_PHRASE[code]
    name = FRENCH_NAME.get(code, name)
    first = name[0].upper()
    if first in VOWELS or name.endswith("e"):
        return f"en {name}"
    return f"au {name}"


def main() -> None:
    phrases = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        place = iso_country(country.alpha_2)
        en = english(country.alpha_2, place.name.en)
        fr = french(country.alpha_2, place.name.fr)
        assert not re.search(r",\s*(the|of|de|du|d')\b", en + fr, re.IGNORECASE), (en, fr)  # no inverted names left
        phrases[country.alpha_2] = {"en": en, "fr": fr}
    OUTPUT.write_text(json.dumps(phrases, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"Wrote {OUTPUT} ({len(phrases)} countries)")


if __name__ == "__main__":
    main()

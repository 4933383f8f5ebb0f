"""Values and themes as spreadsheets: a zip of two CSV files (waarden.csv, themas.csv).

Two files rather than one with a section column: each opens as a clean table with its own
columns. Semicolons and a UTF-8 byte order mark, so Dutch Excel opens them with ë and ’ intact.
"""

import csv
import io
import zipfile

from .report import theme_lines

# a cell starting like a formula would run in a spreadsheet (CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(raw: str) -> str:
    """Typed text that a spreadsheet shows, never evaluates."""
    return "'" + raw if raw.startswith(_FORMULA_START) else raw


def _sheet(header: list[str], rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[cell(v) if isinstance(v, str) else v for v in row] for row in rows])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def values_rows(document: dict) -> list[list]:
    """One row per value: text, why, theme, group, mentor (or 'Mentor N' when anonymous)."""
    anonymous = document["workshop"]["anonymous"]
    people = {p["id"]: p for p in document["participants"]}
    theme_of = {v: t["label"] for t in document["themes"] for v in t["values"]}
    group_of = {pid: g for g in document["groups"] for pid in g["members"]}
    rows = []
    for value in document["values"]:
        person = people[value["participant"]]
        group = group_of.get(person["id"])
        named = person["name"] and not anonymous
        mentor = person["name"] if named else f"Mentor {person['number']}"
        rows.append([value["text"], value["why"], theme_of.get(value["id"], ""),
                     group["number"] if group else "", group["name"] if group else "", mentor,
                     "ja" if value["marked"] else "nee"])
    return rows


def render(document: dict) -> bytes:
    """The zip with both sheets."""
    values = _sheet(["waarde", "waarom", "thema", "groep", "groepsnaam", "mentor",
                     "gemarkeerd door groep"], values_rows(document))
    themes = _sheet(["thema", "mentoren", "waarden", "gedeeld", "woorden"], [
        [t.label, t.mentors, t.values, "ja" if t.mentors >= 2 else "nee",
         ", ".join(w if n == 1 else f"{w} ({n}x)" for w, n in t.words)]
        for t in theme_lines(document)])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("waarden.csv", values)
        archive.writestr("themas.csv", themes)
    return out.getvalue()

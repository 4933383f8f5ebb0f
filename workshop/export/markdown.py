"""The report as Markdown, for a wiki or an e-mail; what mentors typed is escaped."""

import re

from .report import Report

# CommonMark lets a backslash escape any ASCII punctuation; these start markup or raw HTML
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|&~])")


def text(raw: str) -> str:
    """Typed text as literal Markdown: no markup, no raw HTML (<script> stays visible text)."""
    return _SPECIAL.sub(r"\\\1", raw)


def _cell(goals: tuple[str, ...]) -> str:
    return "<br>".join(f"• {text(goal)}" for goal in goals) if goals else " "


def render(report: Report) -> bytes:
    """The whole report as UTF-8 Markdown."""
    lines = [f"# Resultaat: {text(report.title)}", "",
             f"- **Team:** {text(report.team) or '–'}",
             f"- **Datum:** {report.date}",
             f"- **Mentoren:** {report.mentors}",
             f"- **Waarden:** {report.values}"]
    lines += ["", "## Missie", "", f"> {text(report.mission) or 'Nog geen missie vastgesteld.'}",
              "", "## Gedeelde thema's", ""]
    if not report.shared:
        lines.append("Geen thema werd door twee of meer mentoren genoemd.")
    lines += ["| Thema | Mentoren | Waarden |", "|---|---:|---|"] if report.shared else []
    for theme in report.shared:
        words = ", ".join(w if n == 1 else f"{w} ({n}×)" for w, n in theme.words)
        lines.append(f"| {text(theme.label)} | {theme.mentors} | {text(words)} |")
    if report.single:
        lines += ["", "**Thema's van één mentor:** "
                  + text(", ".join(t.label for t in report.single))]
    lines += ["", "## Andere missiezinnen", ""]
    if report.runner_ups:
        lines += ["| Zin | Stemmen |", "|---|---:|"]
        lines += [f"| {text(draft)} | {votes} |" for draft, votes in report.runner_ups]
    else:
        lines.append("Er waren geen andere zinnen.")
    for canvas in report.canvases:
        lines += ["", f"## Ontwerpcanvas: {text(canvas.name)}", "", "### Basis", "",
                  f"- **Doelgroep:** {text(canvas.doelgroep) or '–'}",
                  f"- **Missie:** {text(report.mission) or '–'}",
                  "- **Visie op leerlingbegeleiding:**" + ("" if canvas.visions else " –")]
        lines += [f"  - {text(vision)}" for vision in canvas.visions]
        lines += ["", "### Leerdoelen per mentortaak en periode", "",
                  "| Mentortaak | " + " | ".join(text(p) for p in canvas.periods) + " |",
                  "|---" * (len(canvas.periods) + 1) + "|"]
        lines += [f"| {text(domain)} | " + " | ".join(_cell(goals) for goals in cells) + " |"
                  for domain, cells in canvas.rows]
        lines += ["", "### Lessenplan: mentorlessen per periode", ""]
        lines += [f"- **{text(period)}:** " + ("; ".join(text(g) for g in lessons)
                                              or "geen mentorles gekozen")
                  for period, lessons in canvas.plan]
    if report.names:  # last: a regional day lists a thousand names
        lines += ["", "## Deelnemers", "", text(", ".join(report.names))]
    return ("\n".join(lines) + "\n").encode("utf-8")

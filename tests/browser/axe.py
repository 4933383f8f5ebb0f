"""axe-core in the pages under test: the vendored engine is evaluated through Playwright.

The app's strict CSP forbids inline scripts, so a `<script>` tag cannot carry axe into a page;
`page.evaluate` runs over the DevTools protocol, which CSP does not govern, and the app's own
pages never load axe.
"""

from pathlib import Path

from playwright.sync_api import Page

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
BLOCKING = ("serious", "critical")

_RUN = """async (blocking) => {
  const result = await window.axe.run(document, { resultTypes: ['violations'] });
  return result.violations.filter((v) => blocking.includes(v.impact)).map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
  }));
}"""


def serious_findings(page: Page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # an expression, not a function: the UMD bundle then sets window.axe
        page.evaluate(AXE_SOURCE)
    return page.evaluate(_RUN, list(BLOCKING))

"""Every page of the app, in Arabic, Vietnamese and English, at desktop, tablet and phone width.

The database is the demo's (`marsad demo`: the areas, the sample observations, the two seed
reports read and their directives loaded) plus a directive delegated to two communes with a
progress report, and an edited observation, so that every page has something to show. Each page
is opened once per language and looked at in the three widths:

- the page never scrolls sideways (wide tables scroll inside their frame);
- at phone width the menu is folded behind its button, and the button opens it;
- Arabic pages are right to left and every left-to-right token (codes, periods as codes, file
  names, numbers with units, Latin names) in Arabic text is isolated (<bdi>, dir, or CSS);
- the visible text of an Arabic page has no Latin words and the Vietnamese and English pages no
  raw codes of the program (snake_case fields, period codes, ISO dates): what is not to be
  translated (a code, a user name, a document's own text) says so with ``translate="no"`` or
  its own ``lang``;
- ``<title>`` is plain text;
- a screenshot of each page in each language at desktop and phone width lands in
  test-artifacts/pages/ (looked at by a person: see the notes of issue 15).
"""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, printed_ids, running_server

pytestmark = pytest.mark.browser

WIDTHS = {
    "desktop": {"width": 1280, "height": 900},
    "tablet": {"width": 768, "height": 1024},
    "phone": {"width": 390, "height": 844},
}
SCREENSHOTS = ("desktop", "phone")
LANGS = ("ar", "vi", "en")
SHOTS = ARTIFACTS / "pages"
# The checks of the visible text (found by LOOK): left-to-right tokens not isolated in Arabic
# text, Latin words on Arabic pages, raw codes of the program, English words on Vietnamese pages.
TEXT_CHECKS = ("unisolated", "latin", "raw", "english")

PREPARE = r"""
import datetime
from pathlib import Path
import django
django.setup()
from marsad.cli.setup import prepare_demo
prepare_demo()
from django.contrib.auth import get_user_model
from marsad.areas.models import Area
from marsad.directives import tracking
from marsad.directives.delegation import delegate_to_communes
from marsad.directives.models import Directive, Organisation, Recommendation, Difficulty
from marsad.documents.models import Document
from marsad.indicators.models import Indicator
from marsad.observations.models import Observation
from marsad.observations.writing import Provenance, record_observation
from marsad.targets.models import Target

admin = get_user_model().objects.get(username="admin")
# The viewer reads Eastern Arabic digits (test_eastern_digits_everywhere).
viewer = get_user_model().objects.get(username="viewer")
viewer.profile.eastern_digits = True
viewer.profile.save()
bac_ninh = Area.objects.get(code="VN-24")
directive = tracking.create_directive(
    user=admin, area=bac_ninh, period="2025-9M", language="vi",
    text="Đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu giải ngân 100% kế hoạch vốn năm 2025.",
    lead_unit=Organisation.objects.get(code="VN-24-CONS"),
    deadline=datetime.date(2025, 12, 31), issued_on=datetime.date(2025, 10, 5),
    indicator=Indicator.objects.get(code="grdp"),
    cooperating=[Organisation.objects.get(code="VN-24-AGRI")],
)
communes = list(Area.objects.communes().current().filter(parent=bac_ninh).order_by("code")[:2])
delegated = delegate_to_communes(directive, bac_ninh, communes=communes, user=admin)
lead = directive.assignments.get(role="lead")
tracking.report_progress(lead, percent=40, text="Đã giải ngân 40% kế hoạch vốn.", revision=lead.revision,
                         on=datetime.date(2025, 11, 3), user=admin)
obs = Observation.objects.filter(area=bac_ninh, measure="level").order_by("pk").first()
record_observation(admin, area=obs.area, indicator=obs.indicator, period=obs.period,
                   value=float(obs.value) * 1.01 + 0.27, measure=obs.measure, status=obs.status,
                   qualifier="about", provenance=Provenance(via="grid"))
target = Target.objects.filter(area=bac_ninh).order_by("pk").first()
documents = list(Document.objects.order_by("pk").values_list("pk", flat=True))
ids = {
    "directive": directive.pk,
    "assignment": lead.pk,
    "commune_assignment": delegated[0].pk,
    "target": target.pk,
    "observation": obs.pk,
    "document": documents[-1],
    "old_document": documents[0],
    "recommendation": Recommendation.objects.order_by("pk").first().pk,
    "difficulty": Difficulty.objects.order_by("pk").first().pk,
}
print("ids", *[f"{k} {v}" for k, v in ids.items()])
"""


def _pages(ids: dict[str, int]) -> dict[str, str]:
    """name -> path of every page a signed-in administrator opens (the API's JSON excepted)."""
    return {
        "home": "/",
        "dashboard": "/dashboard/?area=VN-24&period=2025-9M",
        "dashboard-commune": "/dashboard/?area=VN-24-07210&period=2025Q2",
        "explorer": "/explorer/?indicator=grdp&area=VN-24",
        "changes": "/changes/",
        "observation-changes": f"/changes/observation/{ids['observation']}/",
        "entry": "/observations/entry/?area=VN-24&period=2025Q3",
        "import": "/observations/import/",
        "quality": "/observations/quality/",
        "documents": "/documents/",
        "document-upload": "/documents/new/",
        "document": f"/documents/{ids['document']}/",
        "document-old": f"/documents/{ids['old_document']}/",
        "targets": "/targets/",
        "target-new": "/targets/new/?area=VN-24",
        "target-overview": "/targets/overview/",
        "target": f"/targets/{ids['target']}/",
        "directives": "/directives/",
        "directives-summary": "/directives/summary/",
        "directive-new": "/directives/new/",
        "directive": f"/directives/{ids['directive']}/",
        "assignment": f"/directives/assignments/{ids['assignment']}/",
        "commune-assignment": f"/directives/assignments/{ids['commune_assignment']}/",
        "recommendations": "/directives/recommendations/",
        "reports": "/reports/",
        "report": "/reports/VN-24/2025-9M/",
        "report-settings": "/reports/settings/VN-24/",
        "translate": f"/reports/translate/difficulty/{ids['difficulty']}/",
        "profile": "/accounts/profile/",
        "admin": "/admin/",
        "admin-directives": "/admin/directives/directive/",
        "admin-directive": f"/admin/directives/directive/{ids['directive']}/change/",
        "admin-observations": "/admin/observations/observation/",
        "admin-observation": f"/admin/observations/observation/{ids['observation']}/change/",
        "admin-proposals": "/admin/documents/proposal/",
        "admin-changes": "/admin/audit/changerecord/",
        "not-found": "/no-such-page/",
    }


PAGE_NAMES = tuple(
    _pages(
        {
            k: 0
            for k in (
                "directive",
                "assignment",
                "commune_assignment",
                "target",
                "observation",
                "document",
                "old_document",
                "recommendation",
                "difficulty",
            )
        }
    )
)


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("marsad-pages")
    with running_server(data, PREPARE) as (url, output):
        yield {"url": url, "ids": printed_ids(output)}


@pytest.fixture(scope="module")
def admin_contexts(browser, demo_server):
    """A signed-in administrator's browser context per language (the language cookie set)."""
    contexts = {}
    for lang in LANGS:
        context = browser.new_context(viewport=WIDTHS["desktop"], locale=lang)
        page = context.new_page()
        page.goto(demo_server["url"] + "/accounts/login/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", "marsad-admin")
        page.click("form button[type=submit]")
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        context.add_cookies([{"name": "django_language", "value": lang, "url": demo_server["url"]}])
        page.close()
        contexts[lang] = context
    yield contexts
    for context in contexts.values():
        context.close()


# On the admin's pages the data is what people typed; its own words are these (with the
# filters' choices, periods among them, and the fields' help).
ADMIN_SCOPE = (
    "#nav-sidebar, #content h1, label, thead th, caption, #changelist-filter h2, #changelist-filter h3, "
    "#changelist-filter li, .form-row .help, #site-name"
)

# The checks run in the page. Text nodes are taken with the element that holds them; what is
# hidden (display: none, the folded menu), inside <script>/<style>, or a form control's own
# options is not visible text. An element marked translate="no" or with a lang of its own is
# text that is not translated on purpose (codes, user names, a document's text).
LOOK = r"""
([words, scope]) => {
  const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const LATIN = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/;
  // A left-to-right token: a run of Latin letters, digits and the marks codes use, that holds
  // a Latin letter, or digits joined by - / _ . : (periods, codes, file names, dates), or a
  // number with a unit sign.
  const LTR_TOKEN = /[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF][A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF_.\-\/:%…]*/g;
  const RAW = [
    [/\b\d{4}(?:Q[1-4]|H[12]|-(?:0?[1-9]|1[0-2])M|-(?:0[1-9]|1[0-2]))\b/, "period code"],
    [/\b[a-z]+_[a-z_]+\b/, "snake_case name"],
    [/\b\d{4}-\d{2}-\d{2}\b/, "ISO date"],
    [/\b(?:None|True|False|nan)\b/, "Python value"],
  ];
  const ENGLISH_IN_VI = /\b(?:the|of|and|with|for|from|Ward|Commune|Province|tasks?|plan|official|estimate|preliminary|level|share|growth|Dashboard|Sign in|Sign out|billion|million|enterprises|visitors|directives?|report|reports|recommendations?|targets?|overdue|done|pending|status|exact|about|none|yes|no)\b/;
  const out = {
    dir: document.documentElement.dir, lang: document.documentElement.lang,
    title: document.title, titleHtml: document.querySelector("title") ? document.querySelector("title").innerHTML : "",
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    wide: [], unisolated: [], latin: [], raw: [], english: [],
  };
  const lang = out.lang;
  // The text checked for untranslated words: the whole page, or (the admin) its own words only.
  const scoped = scope ? [...document.querySelectorAll(scope)] : null;
  const inScope = (el) => !scoped || scoped.some(s => s.contains(el));
  const visible = (el) => el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})
    && !el.closest(".visually-hidden");
  // Not the page's own words: codes, what says "do not translate" (names), text that names its
  // own language (a document's or a directive's text as written), the user menu of the admin.
  const exempt = (el) => el.closest('[translate="no"], code, .code, pre, kbd, samp, select, option, textarea, script, style, noscript, #user-tools')
    || [...ancestors(el)].some(e => e.hasAttribute && e.hasAttribute("lang") && e !== document.documentElement);
  // Abbreviations Arabic writing keeps in Latin capitals (GRDP, FDI, CSV, PDF).
  const ACRONYM = /\b[A-Z][A-Z0-9]{1,5}\b/g;
  function* ancestors(el) { for (let e = el; e && e !== document.documentElement; e = e.parentElement) yield e; }
  const isolating = (e) => {
    if (e.tagName === "BDI" || e.tagName === "INPUT" || e.hasAttribute("dir")) return true;
    const u = getComputedStyle(e).unicodeBidi;
    return u === "isolate" || u === "plaintext" || u === "isolate-override";
  };
  const blockOf = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const d = getComputedStyle(e).display;
      if (!d.startsWith("inline") || d === "inline-block" || e.tagName === "TD" || e.tagName === "TH") return e;
    }
    return document.body;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  const note = (list, what) => { if (list.length < 30 && !seen.has(list.length + "|" + what)) { if (!list.includes(what)) list.push(what); } };
  for (let node = words && walker.nextNode(); node; node = walker.nextNode()) {
    // Text between Unicode isolates (FSI/LRI/RLI ... PDI) is isolated already.
    const text = node.nodeValue.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, " ");
    if (!text.trim()) continue;
    const el = node.parentElement;
    if (!el || el.closest("script, style, noscript, select, option, textarea") || !visible(el)) continue;
    const excepted = exempt(el);
    if (lang === "ar") {
      // Isolation: a left-to-right token whose paragraph has Arabic text must sit in an isolate.
      let iso = false;
      const block = blockOf(el);
      for (let e = el; e && e !== block.parentElement; e = e.parentElement) { if (isolating(e)) { iso = true; break; } }
      if (!iso) {
        const tokens = (text.match(LTR_TOKEN) || []).filter(t => !/^[A-Z][A-Z0-9]{1,5}$/.test(t)).filter(t => LATIN.test(t) || /\d[\-\/_.:%][\d]|\d%|%\d/.test(t) || /\d[\-\/_:]\D|[\-\/_:]\d/.test(t));
        const arabicAround = ARABIC.test(block.textContent);
        if (tokens.length && arabicAround) note(out.unisolated, tokens.join(" ") + "  ⟵ " + block.textContent.trim().slice(0, 90));
      }
      if (!excepted && inScope(el) && LATIN.test(text.replace(ACRONYM, ""))) note(out.latin, text.trim().slice(0, 90));
    }
    if (!excepted && inScope(el)) {
      for (const [re, what] of RAW) { const m = text.match(re); if (m) note(out.raw, what + ": " + m[0] + "  ⟵ " + text.trim().slice(0, 80)); }
      if (lang === "vi") { const m = text.match(ENGLISH_IN_VI); if (m) note(out.english, m[0] + "  ⟵ " + text.trim().slice(0, 80)); }
    }
  }
  // The choices of the menus are read too: a period or a code there is shown to the reader.
  for (const option of (words ? document.querySelectorAll("select:not([translate=no]) option") : [])) {
    if (!inScope(option)) continue;
    for (const [re, what] of RAW) { const m = option.text.match(re); if (m) note(out.raw, what + " (menu): " + m[0] + "  ⟵ " + option.text.trim().slice(0, 80)); }
    if (lang === "ar" && LATIN.test(option.text.replace(ACRONYM, "").replace(/[\u2066-\u2068][^\u2069]*\u2069/g, " "))) note(out.latin, "(menu) " + option.text.trim().slice(0, 80));
  }
  // What sticks out of the page's width (to say where an overflow comes from).
  if (out.scrollWidth > out.innerWidth + 1) {
    for (const e of document.body.querySelectorAll("*")) {
      const r = e.getBoundingClientRect();
      if ((r.right > out.innerWidth + 1 || r.left < -1) && r.width > 0 && !e.closest(".scroll-x") && visible(e)) {
        note(out.wide, e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.split(" ").join(".") : "") + " " + Math.round(r.left) + ".." + Math.round(r.right));
      }
    }
  }
  return out;
}
"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page(admin_contexts, demo_server, name, lang):
    path = _pages(demo_server["ids"])[name]
    page = admin_contexts[lang].new_page()
    try:
        page.set_viewport_size(WIDTHS["desktop"])
        response = page.goto(demo_server["url"] + path)
        assert response.status == (404 if name == "not-found" else 200), f"{path}: {response.status}"
        page.evaluate("document.fonts.ready")
        problems = []
        for width_name, size in WIDTHS.items():
            page.set_viewport_size(size)
            seen = page.evaluate(
                LOOK, [width_name == "desktop", ADMIN_SCOPE if name.startswith("admin") else ""]
            )
            where = f"{name} {lang} {width_name}"
            if width_name in SCREENSHOTS:
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / f"{name}-{lang}-{width_name}.png"), full_page=True)
            if seen["scrollWidth"] > seen["innerWidth"] + 1:
                problems.append(
                    f"{where}: the page scrolls sideways ({seen['scrollWidth']} > {size['width']}): {seen['wide'][:6]}"
                )
            if width_name == "desktop":
                problems += _language_problems(where, lang, seen)
            if width_name == "phone" and not name.startswith("admin"):
                problems += _menu_problems(page, where)
        assert not problems, "\n".join(problems)
    finally:
        page.close()


def _language_problems(where: str, lang: str, seen: dict) -> list[str]:
    problems = []
    if seen["lang"] != lang:
        problems.append(f"{where}: <html lang={seen['lang']}>")
    if seen["dir"] != ("rtl" if lang == "ar" else "ltr"):
        problems.append(f"{where}: <html dir={seen['dir']}>")
    if "<" in seen["title"] or ">" in seen["title"] or "<" in seen["titleHtml"]:
        problems.append(f"{where}: the title is not plain text: {seen['title'][:120]!r}")
    for kind in TEXT_CHECKS:
        if seen[kind]:
            problems.append(f"{where}: {kind}: " + " | ".join(seen[kind][:12]))
    return problems


def _menu_problems(page, where: str) -> list[str]:
    """At phone width the menu is folded behind its button, which opens it."""
    toggle = page.locator("#menu-toggle")
    nav = page.locator("#sidebar nav")
    if nav.count() == 0:
        return []
    if not toggle.is_visible():
        return [f"{where}: no menu button at phone width"]
    if nav.is_visible():
        return [f"{where}: the menu is not folded at phone width"]
    toggle.click()
    problems = [] if nav.is_visible() else [f"{where}: the menu button does not open the menu"]
    toggle.click()
    return problems


# Pages the viewer (Bac Ninh and Khanh Hoa, Eastern Arabic digits) reads.
VIEWER_PAGES = (
    "dashboard",
    "explorer",
    "changes",
    "documents",
    "targets",
    "target-overview",
    "directives",
    "directives-summary",
    "recommendations",
)

# Western digits in the visible text, outside codes, names and text marked with its language.
WESTERN_DIGITS = r"""
() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !el.checkVisibility({visibilityProperty: true}) || el.closest(".visually-hidden")) continue;
    if (el.closest('[translate="no"], code, .code, select, option, textarea, script, style, [lang]:not(html)')) continue;
    // Isolates (FSI/LRI ... PDI) hold codes and names (a file name); they keep their digits.
    const text = node.nodeValue.replace(/[\u2066-\u2068][^\u2069]*\u2069/g, " ");
    if (/[0-9]/.test(text) && out.length < 12) out.push(text.trim().slice(0, 80));
  }
  return out;
}
"""


@pytest.fixture(scope="module")
def viewer_context(browser, demo_server):
    context = browser.new_context(viewport=WIDTHS["desktop"], locale="ar")
    page = context.new_page()
    page.goto(demo_server["url"] + "/accounts/login/")
    page.fill("#id_username", "viewer")
    page.fill("#id_password", "marsad-viewer")
    page.click("form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    context.add_cookies([{"name": "django_language", "value": "ar", "url": demo_server["url"]}])
    page.close()
    yield context
    context.close()


@pytest.mark.parametrize("name", VIEWER_PAGES)
def test_eastern_digits_everywhere(viewer_context, demo_server, name):
    """A reader who chose Eastern Arabic digits reads them on every page, not only the dashboard:
    numbers, percentages, dates, periods and page counts (codes keep their digits)."""
    page = viewer_context.new_page()
    try:
        response = page.goto(demo_server["url"] + _pages(demo_server["ids"])[name])
        assert response.status == 200
        western = page.evaluate(WESTERN_DIGITS)
        assert not western, f"{name}: Western digits for a reader of Eastern ones: {western}"
        assert page.evaluate("/[\u0660-\u0669]/.test(document.body.innerText)"), f"{name}: no Eastern digits"
    finally:
        page.close()

"""Per page type: axe-core (WCAG 2.1 A/AA + best practice), CSP, page frame, reflow at 320 px."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from conftest import PAGE_TYPES, assert_no_csp_violations, format_axe, open_page, run_axe

# Page types whose check cannot pass until the Swift side changes: {check: {page type: reason}}.
# Each becomes a strict xfail, so it shows up in the report and turns red once it is fixed.
KNOWN_SWIFT_ISSUES: dict[str, dict[str, str]] = {
    "axe": {},
    "frame": {},
    "reflow": {},
}


def _params(check: str):
    known = KNOWN_SWIFT_ISSUES.get(check, {})
    return [pytest.param(p, id=p, marks=[pytest.mark.xfail(strict=True, reason=known[p])] if p in known else [])
            for p in PAGE_TYPES]


def _axe_check(driver, axe_source, where: str):
    result = run_axe(driver, axe_source)
    violations = result["violations"]
    assert not violations, (f"{where}: axe {result['version']} found {len(violations)} rule violation(s):\n"
                            + format_axe(violations))


@pytest.mark.parametrize("page", _params("axe"))
def test_axe(driver, base_url, page_paths, axe_source, page):
    open_page(driver, base_url + page_paths[page])
    assert_no_csp_violations(driver, page)
    _axe_check(driver, axe_source, page)
    # Injecting and running axe through WebDriver is not subject to the page's CSP.
    assert_no_csp_violations(driver, page + " (after axe)")


def _submit_empty(driver):
    driver.find_element(By.CSS_SELECTOR, "form.antrag button[type=submit]").click()
    assert driver.execute_script("return !document.getElementById('fehlerliste').hidden"), "no error summary"


@pytest.mark.parametrize("form", ["form-own", "form-default"])
def test_axe_form_error_state(driver, base_url, page_paths, axe_source, form):
    open_page(driver, base_url + page_paths[form])
    _submit_empty(driver)
    _axe_check(driver, axe_source, form + " with errors")
    assert_no_csp_violations(driver, form + " with errors")


@pytest.mark.parametrize("state", ["empty", "errors"])
def test_axe_form_320(driver, base_url, page_paths, axe_source, narrow, state):
    open_page(driver, base_url + page_paths["form-own"])
    if state == "errors":
        _submit_empty(driver)
    _axe_check(driver, axe_source, f"form-own at 320 px ({state})")
    assert_no_csp_violations(driver, "form-own at 320 px")


@pytest.mark.parametrize("page", _params("frame"))
def test_page_frame(driver, base_url, page_paths, page):
    """Landmarks, language, title, skip link and the links every page must carry (BITV § 4, § 7)."""
    open_page(driver, base_url + page_paths[page])
    info = driver.execute_script(
        """
        var hrefs = Array.prototype.map.call(document.querySelectorAll('a[href]'), function (a) { return a.href; });
        var skip = document.querySelector('a.skip-link');
        return {
          lang: document.documentElement.lang,
          title: document.title,
          mains: document.querySelectorAll('main').length,
          h1: document.querySelectorAll('h1').length,
          skip: skip ? skip.getAttribute('href') : null,
          skipTarget: skip ? !!document.querySelector(skip.getAttribute('href')) : false,
          hrefs: hrefs
        };
        """)
    assert info["lang"] == ("en" if page.startswith("en-") else "de")
    assert info["title"].strip(), "empty <title>"
    assert info["mains"] == 1, f"{info['mains']} <main> elements"
    assert info["h1"] == 1, f"{info['h1']} <h1> elements"
    assert info["skip"] and info["skipTarget"], "skip link without target"
    assert any(h.rstrip("/").endswith("/barrierefreiheit") for h in info["hrefs"]), "no link to the Erklärung zur Barrierefreiheit"
    assert any(h.rstrip("/").endswith("/leichte-sprache") for h in info["hrefs"]), "no link to Leichte Sprache"
    assert_no_csp_violations(driver, page)


@pytest.mark.parametrize("page", _params("reflow"))
def test_reflow_320(driver, base_url, page_paths, narrow, page):
    """WCAG 1.4.10: no sideways page scrolling at 320 CSS px."""
    open_page(driver, base_url + page_paths[page])
    _assert_no_horizontal_scroll(driver, page)


def test_reflow_320_form_errors(driver, base_url, page_paths, narrow):
    open_page(driver, base_url + page_paths["form-own"])
    _submit_empty(driver)
    _assert_no_horizontal_scroll(driver, "form-own with errors")


def _assert_no_horizontal_scroll(driver, where: str):
    width, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert inner == 320, f"viewport is {inner} px, not 320"
    if width > 320:
        culprits = driver.execute_script(
            """
            var out = [];
            document.querySelectorAll('body *').forEach(function (el) {
              var r = el.getBoundingClientRect();
              if (r.right > 320.5 && r.width > 0 && out.length < 8) {
                var p = el.parentElement, clipped = false;
                while (p) { var o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') { clipped = true; break; } p = p.parentElement; }
                if (!clipped) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                  (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
                  ' right=' + Math.round(r.right) + ' ' + (el.textContent || '').trim().slice(0, 40));
              }
            });
            return out;
            """)
        pytest.fail(f"{where}: page is {width} px wide at a 320 px viewport; widest elements:\n  " + "\n  ".join(culprits))

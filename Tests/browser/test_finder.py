"""Zuständigkeitsfinder in headless Chromium: the combobox by keyboard with its ARIA states, the
remembered place, and 1,000 random (service, Gemeinde) pairs against an independent
computation of the rule and the place pages."""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, assert_no_csp_violations, open_page

CONTENT = REPO / "Content"


def rules_by_service() -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    with open(CONTENT / "responsibilities.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rules.setdefault(row["service"], {})[row["region"]] = row["authority"]
    return rules


def expected_authority(rules: dict[str, str], ags: str, verband: str = "") -> str | None:
    """Independent of both implementations: the Gemeinde's own rule, its Gemeindeverband's, then
    every prefix, longest first."""
    if ags in rules:
        return rules[ags]
    if verband and verband in rules:
        return rules[verband]
    for length in range(len(ags) - 1, 0, -1):
        if ags[:length] in rules:
            return rules[ags[:length]]
    return None


def gemeinden() -> list[tuple[str, str, str]]:
    """(AGS, name, Gemeindeverband key or "") of every Gemeinde."""
    with open(CONTENT / "regions.csv", encoding="utf-8", newline="") as f:
        return [(r["ags"], r["name"], r.get("verband") or "") for r in csv.DictReader(f) if len(r["ags"]) == 8]


def services() -> list[str]:
    # A service's text in Leichte Sprache (<slug>.ls.md) is no service of its own.
    return sorted(p.stem for p in (CONTENT / "services").glob("*.md") if "." not in p.stem)


def wait(drv, condition, timeout=10):
    return WebDriverWait(drv, timeout).until(lambda d: d.execute_script(condition))


def clear_place(drv):
    drv.execute_script("try { localStorage.removeItem('portal.ort'); } catch (e) {}")


def option_labels(drv) -> list[str]:
    return [o.get_attribute("textContent") for o in drv.find_elements(By.CSS_SELECTOR, "#ort-liste [role=option]")]


def type_place(drv, base_url, text: str) -> list[str]:
    """Types into the finder of a service page with no place remembered; the options' labels."""
    open_page(drv, base_url + "/leistungen/personalausweis-beantragen/")
    clear_place(drv)
    open_page(drv, base_url + "/leistungen/personalausweis-beantragen/")
    drv.find_element(By.ID, "ort").send_keys(text)
    wait(drv, "return document.querySelectorAll('#ort-liste [role=option]').length > 0")
    return option_labels(drv)


def test_combobox_keyboard_and_aria(driver, base_url):
    open_page(driver, base_url + "/leistungen/personalausweis-beantragen/")
    clear_place(driver)
    open_page(driver, base_url + "/leistungen/personalausweis-beantragen/")
    box = driver.find_element(By.ID, "ort")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    listbox_id = box.get_attribute("aria-controls")
    assert driver.find_element(By.ID, listbox_id).get_attribute("role") == "listbox"
    # Reach the combobox with the keyboard: it is in the tab order after the sections' links.
    box.click()
    box.send_keys("Bernsd")
    wait(driver, "return document.getElementById('ort').getAttribute('aria-expanded') === 'true'")
    options = driver.find_elements(By.CSS_SELECTOR, f"#{listbox_id} [role=option]")
    labels = [o.text for o in options]
    assert labels == ["Bernsdorf (Landkreis Bautzen)", "Bernsdorf (Landkreis Zwickau)"], labels
    status = driver.find_element(By.CSS_SELECTOR, "[data-finder-ui] [role=status]").text
    assert "2 Orte gefunden" in driver.execute_script("return document.querySelector('[data-finder-ui] [role=status]').textContent"), status
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    assert options[0].get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == options[1].get_attribute("id")
    assert options[0].get_attribute("aria-selected") == "false"
    box.send_keys(Keys.ARROW_UP)
    assert box.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    box.send_keys(Keys.ESCAPE)
    assert box.get_attribute("aria-expanded") == "false"
    box.send_keys(Keys.ARROW_DOWN)
    wait(driver, "return document.getElementById('ort').getAttribute('aria-expanded') === 'true'")
    box.send_keys(Keys.ARROW_DOWN)  # second: Bernsdorf (Landkreis Zwickau)
    box.send_keys(Keys.ENTER)
    wait(driver, "return !!document.querySelector('[data-answer] .authority-card a')")
    assert box.get_attribute("aria-expanded") == "false"
    link = driver.find_element(By.CSS_SELECTOR, "[data-answer] .authority-card a").get_attribute("href")
    rules = rules_by_service()["personalausweis-beantragen"]
    ags, verband = next((a, v) for a, n, v in gemeinden() if n == "Bernsdorf" and a.startswith("14524"))
    assert link.endswith(f"/behoerden/{expected_authority(rules, ags, verband)}/")
    # The answer region is a live region; focus moved to "Ort ändern" so keyboard users continue there.
    assert driver.find_element(By.CSS_SELECTOR, "[data-answer]").get_attribute("aria-live") == "polite"
    assert driver.switch_to.active_element.get_attribute("data-change") is not None
    assert_no_csp_violations(driver, "finder")


def test_ambiguous_names_and_postal_codes(driver, base_url):
    labels = type_place(driver, base_url, "Leipzig")
    assert driver.find_element(By.ID, "ort").get_attribute("aria-expanded") == "true"
    assert labels[0] == "Leipzig (kreisfreie Stadt)"
    assert any(label.endswith("(Landkreis Leipzig)") for label in labels), labels
    # A postal code that several Gemeinden share lists each of them.
    shared = {}
    with open(CONTENT / "regions.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            for code in r["postal_codes"].split():
                shared.setdefault(code, []).append(r["name"])
    code, names = next((c, n) for c, n in sorted(shared.items()) if len(n) >= 2)
    box = driver.find_element(By.ID, "ort")
    box.clear()
    box.send_keys(code)
    wait(driver, "return document.querySelectorAll('#ort-liste [role=option]').length >= 2")
    labels = option_labels(driver)
    for name in names:
        assert any(label.startswith(name + " (") and code in label for label in labels), (code, names, labels)


def test_place_is_remembered_changed_and_forgotten(driver, base_url):
    open_page(driver, base_url + "/leistungen/personalausweis-beantragen/")
    driver.execute_script("localStorage.setItem('portal.ort', JSON.stringify({ags: '14625020', label: 'Bautzen (Landkreis Bautzen)'}))")
    open_page(driver, base_url + "/leistungen/hundesteuer-anmelden/")
    wait(driver, "return !!document.querySelector('[data-answer] .authority-card a')")
    # Remembered without a Gemeindeverband entry (as before spec v2): looked up in the place list
    # once, shown with the list's label, and remembered anew with its Gemeindeverband.
    assert "Bautzen / Budyšin (Landkreis Bautzen)" in driver.find_element(By.CSS_SELECTOR, "[data-place-name]").text
    assert json.loads(driver.execute_script("return localStorage.getItem('portal.ort')"))["verband"] == ""
    open_page(driver, base_url + "/")
    wait(driver, "return !!document.querySelector('[data-answer] a')")
    assert driver.find_element(By.CSS_SELECTOR, "[data-answer] a").get_attribute("href").endswith("/orte/14625020/")
    driver.find_element(By.CSS_SELECTOR, "[data-forget]").click()
    assert driver.execute_script("return localStorage.getItem('portal.ort')") is None
    assert driver.switch_to.active_element.get_attribute("role") == "combobox"


def place_pages_authority(site_dir: Path, ags: str, verband: str, service: str) -> str | None:
    """The output contract's hook (v2): the first of the pages of the Gemeinde, its
    Gemeindeverband, Kreis, Regierungsbezirk and Land with an element carrying data-service
    gives the answer."""
    for key in [ags] + ([verband] if verband else []) + [ags[:5], ags[:3], ags[:2]]:
        page = site_dir / "orte" / key / "index.html"
        if not page.exists():
            continue
        html = page.read_text(encoding="utf-8")
        if f'data-service="{service}"' not in html:
            continue
        entry = html.split(f'data-service="{service}"', 1)[1].split("</li>", 1)[0]
        found = re.search(r'href="\.\./\.\./behoerden/([a-z0-9-]+)/"', entry)
        return found.group(1) if found else None
    raise AssertionError(f"{service} in {ags}: on none of the place pages")


def test_thousand_random_pairs_match_independent_resolution(driver, base_url, site_dir):
    rules = rules_by_service()
    places = gemeinden()
    rng = random.Random(20261127)
    all_services = services()
    pairs = [(rng.choice(all_services), rng.choice(places)) for _ in range(1000)]
    mismatches = []
    open_page(driver, base_url + "/")  # localStorage needs a page of the site's origin
    for service, (ags, name, verband) in pairs:
        expected = expected_authority(rules.get(service, {}), ags, verband)
        on_place_pages = place_pages_authority(Path(site_dir), ags, verband, service)
        if on_place_pages != expected:
            mismatches.append(f"place pages {ags} {service}: {on_place_pages} != {expected}")
        # Half the places are remembered as the finder stores them (with the Gemeindeverband),
        # half as a finder from before Gemeindeverbände did (looked up in the place list).
        if rng.random() < 0.5:
            driver.execute_script("localStorage.setItem('portal.ort', JSON.stringify({ags: arguments[0], label: arguments[1], verband: arguments[2]}))", ags, name, verband)
        else:
            driver.execute_script("localStorage.setItem('portal.ort', JSON.stringify({ags: arguments[0], label: arguments[1]}))", ags, name)
        open_page(driver, f"{base_url}/leistungen/{service}/")
        shown = driver.execute_script("""
            var finder = document.querySelector('[data-finder-ui]');
            var fixed = document.querySelector('.responsibility > .authority-card a');
            if (!finder) { return {kind: fixed ? 'uniform' : 'none', href: fixed ? fixed.getAttribute('href') : null}; }
            return {kind: 'finder'};
        """)
        if shown["kind"] == "finder":
            WebDriverWait(driver, 10).until(lambda d: d.execute_script(
                "var a = document.querySelector('[data-answer]'); return a && a.children.length > 0"))
            href = driver.execute_script("var a = document.querySelector('[data-answer] .authority-card a'); return a ? a.getAttribute('href') : null")
        else:
            href = shown["href"]
        got = re.search(r"behoerden/([a-z0-9-]+)/", href).group(1) if href else None
        if got != expected:
            mismatches.append(f"finder {ags} {service}: {got} != {expected}")
    assert mismatches == [], f"{len(mismatches)} mismatches:\n" + "\n".join(mismatches[:20])
    assert len(pairs) == 1000
    # The sample decides Gemeinde-level services of member Gemeinden at their Gemeindeverband.
    assert any(v and rules.get(s, {}).get(v) and a not in rules.get(s, {}) for s, (a, _, v) in pairs)


def test_member_of_a_gemeindeverband_is_sent_to_its_administration(driver, base_url):
    """A citizen of Auerbach (Erzgebirge) picks the place and gets the Verwaltungsgemeinschaft
    Burkhardtsdorf's administration, also for the next service with the place remembered."""
    rules = rules_by_service()
    ags, name, verband = next(g for g in gemeinden() if g[0] == "14521040")
    assert verband == "145215103"
    type_place(driver, base_url, "Auerbach")
    option = next(o for o in driver.find_elements(By.CSS_SELECTOR, "#ort-liste [role=option]")
                  if o.get_attribute("textContent") == "Auerbach (Erzgebirgskreis)")
    option.click()
    wait(driver, "return !!document.querySelector('[data-answer] .authority-card a')")
    href = driver.find_element(By.CSS_SELECTOR, "[data-answer] .authority-card a").get_attribute("href")
    assert href.endswith("/behoerden/" + rules["personalausweis-beantragen"][verband] + "/"), href
    assert "personalausweis-beantragen" in rules and ags not in rules["personalausweis-beantragen"]
    stored = json.loads(driver.execute_script("return localStorage.getItem('portal.ort')"))
    assert stored["verband"] == verband
    open_page(driver, base_url + "/leistungen/wohnsitz-anmelden/")
    wait(driver, "return !!document.querySelector('[data-answer] .authority-card a')")
    href = driver.find_element(By.CSS_SELECTOR, "[data-answer] .authority-card a").get_attribute("href")
    assert href.endswith("/behoerden/" + rules["wohnsitz-anmelden"][verband] + "/"), href


def test_every_gemeinde_is_in_the_shards_a_search_for_it_loads(driver, base_url, site_dir):
    """The place list is cut into shards (issue #16); a citizen's search loads one. Every
    Gemeinde must be in the shard of each word of its name (normalised by finder.js itself, in
    the browser) and of the first two digits of each of its postal codes, and searching for it in
    the combobox must offer it."""
    site = Path(site_dir)
    folders = list((site / "data").glob("orte.*"))
    assert len(folders) == 1 and folders[0].is_dir(), folders
    shards = {p.stem: {row[0] for row in json.loads(p.read_text(encoding="utf-8"))["p"]}
              for p in folders[0].glob("*.json")}
    with open(CONTENT / "regions.csv", encoding="utf-8", newline="") as f:
        places = [r for r in csv.DictReader(f) if len(r["ags"]) == 8]
    open_page(driver, base_url + "/leistungen/personalausweis-beantragen/")
    # finder.js's own normalize, loaded as a CommonJS module (no document: it does not start).
    source = (REPO / "Templates/assets/finder.js").read_text(encoding="utf-8")
    normalized = driver.execute_script(
        "var module = {exports: {}}; (new Function('module', 'document', arguments[1]))(module, undefined); "
        "return arguments[0].map(module.exports.normalize);", [p["name"] for p in places], source)
    missing = []
    for place, key in zip(places, normalized):
        for word in key.split(" "):
            if len(word) >= 2 and place["ags"] not in shards.get("n-" + word[:2], set()):
                missing.append(f"{place['name']}: n-{word[:2]}")
        for code in place["postal_codes"].split():
            if place["ags"] not in shards.get("p-" + code[:2], set()):
                missing.append(f"{place['name']}: p-{code[:2]}")
    assert missing == [], missing[:20]
    assert max(len(s) for s in shards.values()) < len(places) / 2, "shards smaller than the list"
    # Through the combobox: a name several words long, found by its second word.
    labels = type_place(driver, base_url, "Schandau")
    assert any(label.startswith("Bad Schandau") for label in labels), labels

"""Negative controls: the CSP recorder and axe really report problems (on a page that only the
test server serves), so that "0 violations" elsewhere means something."""

from conftest import HARNESS_PATH, csp_violations, open_page, run_axe


def test_csp_recorder_and_axe_report_problems(driver, base_url, axe_source):
    open_page(driver, base_url.rstrip("/") + HARNESS_PATH)
    assert driver.title == "Negativkontrolle", "the inline script ran despite the CSP"
    found = csp_violations(driver)
    assert any(v["directive"].startswith("script-src") for v in found), f"inline script violation not recorded: {found}"
    result = run_axe(driver, axe_source)
    ids = {v["id"] for v in result["violations"]}
    assert "image-alt" in ids, f"axe did not report the image without alt text: {ids}"
    assert result["version"].startswith("4."), result["version"]
    # axe was injected through WebDriver despite script-src 'self': no new violation from that.
    assert len(csp_violations(driver)) == len(found)

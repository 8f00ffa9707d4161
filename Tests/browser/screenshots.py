#!/usr/bin/env python3
"""Saves PNG screenshots of a form page in its error state at 320 px and 1280 px width, or
(--plain) of any pages as they load.

    python3 Tests/browser/screenshots.py [--site DIR] [--out /dev/shm/screens] [--page leistungen/hundesteuer-anmelden/antrag/]
    python3 Tests/browser/screenshots.py --plain --page orte/14521040/ --page orte/14521/

Without --site (or PORTAL_SITE) it builds the sample site with the portal binary into a temporary
folder. For each width it writes the first screen after the failed submit (error summary focused)
and the whole page (every inline error), plus the error summary link target after activating the
first link.
"""

from __future__ import annotations

import argparse
import base64
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import (CHROMEDRIVER, CHROMIUM, CSP_RECORDER, REPO, SCRATCH, _Handler, _Server,  # noqa: E402
                      _portal_binary, open_page, set_viewport)
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402


def capture(drv, path: Path, width: int, full: bool) -> None:
    height = drv.execute_script("return document.documentElement.scrollHeight") if full else \
        drv.execute_script("return window.innerHeight")
    top = 0 if full else drv.execute_script("return window.scrollY")
    shot = drv.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": full,
        "clip": {"x": 0, "y": top, "width": width, "height": height, "scale": 1},
    })
    path.write_bytes(base64.b64decode(shot["data"]))
    print(f"wrote {path} ({width}×{height})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", default=os.environ.get("PORTAL_SITE"))
    ap.add_argument("--out", default="/dev/shm/screens")
    ap.add_argument("--page", action="append", help="site path (repeatable); default the Hundesteuer form")
    ap.add_argument("--plain", action="store_true", help="the pages as they load: first screen and whole page")
    args = ap.parse_args()
    pages = args.page or ["leistungen/hundesteuer-anmelden/antrag/"]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    tmp = None
    site = Path(args.site) if args.site else None
    if site is None:
        tmp = Path(tempfile.mkdtemp(prefix="portal-screens-", dir=SCRATCH))
        site = tmp / "site"
        subprocess.run([str(_portal_binary()), "build", "--output", str(site)], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL)
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--hide-scrollbars", "--lang=de-DE"):
        options.add_argument(flag)
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        drv.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_RECORDER})
        if args.plain:
            for page in pages:
                name = page.strip("/").replace("/", "-") or "home"
                for width, height in ((320, 640), (1280, 900)):
                    set_viewport(drv, width, height)
                    open_page(drv, f"http://127.0.0.1:{server.server_address[1]}/{page}")
                    capture(drv, out / f"{name}-{width}.png", width, full=False)
                    capture(drv, out / f"{name}-{width}-full.png", width, full=True)
            return 0
        url = f"http://127.0.0.1:{server.server_address[1]}/{pages[0]}"
        for width, height in ((320, 640), (1280, 900)):
            set_viewport(drv, width, height)
            open_page(drv, url)
            drv.find_element(By.CSS_SELECTOR, "form.antrag button[type=submit]").click()
            capture(drv, out / f"form-errors-{width}.png", width, full=False)
            capture(drv, out / f"form-errors-{width}-full.png", width, full=True)
            # Activate the first summary link with the keyboard: the screen shows the field in focus.
            first = drv.find_element(By.CSS_SELECTOR, "#fehlerliste a")
            drv.execute_script("arguments[0].focus()", first)
            ActionChains(drv).send_keys(Keys.ENTER).perform()
            capture(drv, out / f"form-errors-{width}-first-link.png", width, full=False)
            violations = drv.execute_script("return window.__cspViolations || []")
            if violations:
                print(f"CSP violations at {width} px: {violations}", file=sys.stderr)
    finally:
        drv.quit()
        server.shutdown()
        server.server_close()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

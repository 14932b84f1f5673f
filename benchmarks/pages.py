"""Result-page timing in a real browser: Debian's Chromium driven by Playwright.

    python benchmarks/pages.py [--json] [--reloads 20]

Starts the app (`bleedcheck serve`, temporary SQLite), completes the interviews of the web
tests' scenarios in English and Russian, then reloads each result page `--reloads` times and
reports, from the browser's navigation timing, the time from request to the end of the load
event (the page fully rendered, styles and images included). Target: under 300 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, MOBILE, _free_port  # noqa: E402
from tests.web.driver import (  # noqa: E402
    EARLY_PREGNANCY_PAIN,
    OVULATION_SPOTTING,
    POSTMENOPAUSAL,
    run_interview,
)

TARGET_MS = 300.0
NAVIGATION = (
    "() => { const n = performance.getEntriesByType('navigation')[0];"
    " return [n.loadEventEnd - n.requestStart, n.responseEnd - n.requestStart]; }"
)


def start_server(workdir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "bleedcheck.api.serve",
        "--port",
        str(port),
        "--database-url",
        f"sqlite:///{workdir / 'pages.db'}",
        "--no-access-log",
    ]
    log = (workdir / "server.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError((workdir / "server.log").read_text())


def measure(page: Page, reloads: int) -> dict[str, float]:
    loaded: list[float] = []
    served: list[float] = []
    for _ in range(reloads):
        page.reload()
        load_ms, response_ms = page.evaluate(NAVIGATION)
        loaded.append(float(load_ms))
        served.append(float(response_ms))
    loaded.sort()
    return {
        "load_median_ms": round(statistics.median(loaded), 1),
        "load_max_ms": round(loaded[-1], 1),
        "response_median_ms": round(statistics.median(served), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--reloads", type=int, default=20, help="reloads per result page")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
        return 2
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        process, url = start_server(Path(tmp))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
                )
                for scenario in (EARLY_PREGNANCY_PAIN, OVULATION_SPOTTING, POSTMENOPAUSAL):
                    for lang in ("en", "ru"):
                        context = browser.new_context(viewport=MOBILE, locale="en-GB")
                        context.set_default_timeout(15_000)
                        page = context.new_page()
                        run_interview(page, url, scenario)
                        if lang == "ru":  # the page's own language switch
                            with page.expect_navigation():
                                page.get_by_role("button", name="Русский").click()
                            assert page.locator("html").get_attribute("lang") == "ru"
                        results[f"{scenario.name}-{lang}"] = measure(page, args.reloads)
                        context.close()
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=20)
    worst = max(r["load_median_ms"] for r in results.values())
    summary = {"pages": results, "worst_load_median_ms": worst, "target_ms": TARGET_MS}
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{'result page':32} {'load median':>12} {'load max':>9} {'HTML median':>12}")
        for name, r in results.items():
            print(
                f"{name:32} {r['load_median_ms']:10.1f}ms {r['load_max_ms']:7.1f}ms "
                f"{r['response_median_ms']:10.1f}ms"
            )
        verdict = "met" if worst < TARGET_MS else "MISSED"
        print(f"target: fully rendered in under {TARGET_MS:.0f} ms (median) - {verdict}")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())

"""The HTML report, opened in a real headless Chromium the way a person would use it.

CI (``CI=true``) installs Debian's ``chromium`` and ``chromium-driver`` (see .ci/run);
elsewhere the browser test is skipped, with the reason, when they are not installed.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from test_cli_workflows import cli

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "thank-you-draft.txt"

HOSTILE = ("Subject: <script>window.__pwned = 1</script> thx!!\n\nHey team,\n\n"
           '<a href="javascript:window.__pwned=2">click</a> </textarea></pre>'
           '<img src=x onerror="window.__pwned=3"> Thank you 😀 for teh the interview  today, '
           "中文 so much!!\n\nCheers,\nSam\n")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-size=1280,900")


def _report(tmp_path: Path) -> tuple[Path, dict]:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    page = tmp_path / "report.html"
    paths = ["hostile.txt", "draft.txt"]
    made = cli("--no-cache", "--format", "html", "--output-file", str(page), *paths,
               cwd=tmp_path)
    assert made.returncode == 1 and made.stdout == "", made.stderr
    document = json.loads(cli("--no-cache", "--format", "json", *paths, cwd=tmp_path).stdout)
    return page, document


def test_page_is_self_contained_and_escaped(tmp_path: Path) -> None:
    page, _ = _report(tmp_path)
    html = page.read_text(encoding="utf-8")
    assert html.count("<script") == 1 and "</textarea>" not in html
    assert "&lt;script&gt;window.__pwned" in html and 'href="javascript:' not in html
    assert "http://" not in html and "https://" not in html and "src=" not in html.replace(
        "src=x", "")
    assert "Content-Security-Policy" in html and "default-src &#39;none&#39;" in html


def _chromium():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    reason = None
    try:
        from selenium import webdriver
    except ImportError:
        reason = "selenium is not installed (pip install -e '.[dev]')"
    if reason is None and (chromium is None or driver is None):
        reason = "chromium and chromium-driver are not installed (apt-get install chromium " \
                 "chromium-driver; .ci/run does it)"
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser test must run in CI: {reason}")
        pytest.skip(reason)
    return webdriver, chromium, driver


@pytest.fixture
def browser(tmp_path: Path):
    webdriver, chromium, driver = _chromium()
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    session = webdriver.Chrome(service=Service(driver), options=options)
    try:
        yield session
    finally:
        session.quit()


def test_report_in_a_real_browser(tmp_path: Path, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page, document = _report(tmp_path)
    browser.get(page.as_uri())
    assert browser.title == "followup-lint report"

    # Every finding is on the page: span findings highlighted in place, the rest beside.
    for n, entry in enumerate(document["files"]):
        findings = entry["report"]["findings"]
        section = browser.find_element(By.ID, f"file-{n}")
        marked = {i for mark in section.find_elements(By.CSS_SELECTOR, "mark.hl")
                  for i in mark.get_attribute("data-f").split()}
        spans = [f for f in findings if f["scope"] == "span"]
        assert len(marked) == len(spans) > 0
        whole = section.find_elements(By.CSS_SELECTOR, "li.finding.whole")
        assert len(whole) == len(findings) - len(spans)
        verdict = section.find_element(By.CSS_SELECTOR, ".judgement").text
        assert entry["report"]["verdict"] in verdict and str(entry["report"]["score"]) in verdict

    # The hostile draft is shown as text and ran nothing.
    text = browser.find_element(By.CSS_SELECTOR, "#file-0 pre.text").text
    assert "<script>window.__pwned = 1</script>" in text and "</textarea></pre>" in text
    assert browser.execute_script("return window.__pwned === undefined")
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    assert not browser.find_elements(By.CSS_SELECTOR, "main img, main a[href^='javascript']")

    # Keyboard: Tab reaches a highlight, whose tooltip then shows the finding's message.
    body = browser.find_element(By.TAG_NAME, "body")
    for _ in range(60):
        body.send_keys(Keys.TAB) if browser.switch_to.active_element.tag_name == "body" \
            else browser.switch_to.active_element.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
        if active.tag_name == "mark":
            break
    assert active.tag_name == "mark", "no highlight is reachable by keyboard"
    first_id = active.get_attribute("data-f").split()[0]
    file_n, index = map(int, first_id.split("-"))
    message = document["files"][file_n]["report"]["findings"][index]["message"]
    tip = active.find_element(By.CSS_SELECTOR, ".tip")
    assert tip.is_displayed() and message in tip.text

    # A click on a highlight of the example draft shows its message too.
    spelling = next(f for f in document["files"][1]["report"]["findings"]
                    if f["rule"] == "spelling")
    mark = browser.find_element(By.CSS_SELECTOR, "#file-1 mark.sev-error")
    mark.click()
    assert spelling["excerpt"] in mark.text and spelling["message"] in mark.text

    # Filters: with warnings unticked, only marks holding another severity stay lit.
    browser.find_element(By.CSS_SELECTOR, "input[name=severity][value=warning]").click()
    lit = browser.find_elements(By.CSS_SELECTOR, "mark.hl:not(.off)")
    off = browser.find_elements(By.CSS_SELECTOR, "mark.hl.off")
    assert lit and off
    assert all("sev-warning" not in m.get_attribute("class") for m in lit
               if len(m.get_attribute("data-f").split()) == 1)
    assert all(item.get_attribute("data-severity") != "warning" for item in
               browser.find_elements(By.CSS_SELECTOR, "li.finding") if item.is_displayed())

    # No console errors (a blocked inline script or a failed request would show here),
    # and no request left the page.
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    browser.save_screenshot(str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_colours_meet_wcag_aa_contrast() -> None:
    import re
    from importlib.resources import files

    css = (files("followup_lint") / "templates" / "report.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([\w-]+): (#[0-9a-f]{6})", css))
    pairs = [("text", "bg"), ("text", "panel"), ("muted", "panel"), ("focus", "bg"),
             ("focus", "panel")]
    for severity in ("error", "warning", "info"):
        pairs += [("text", f"{severity}-bg"), (severity, f"{severity}-bg"), (severity, "panel"),
                  (severity, "bg")]
    for fg, bg in pairs:
        light, dark = sorted((_luminance(colours[fg]), _luminance(colours[bg])), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, (fg, bg)

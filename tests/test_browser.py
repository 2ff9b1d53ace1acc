"""End to end in a real browser: Debian's Chromium, driven by Selenium through Debian's
chromedriver, against `kb serve` processes this module starts on 127.0.0.1 over a small
real index (the bundled model on three Sefton packs and a Kent PDF).

Skipped, with the reason, where Chromium or its driver is not installed (`scripts/test.sh`
installs both with apt). Screenshots go to each test's tmp dir, and also to
$KB_SCREENSHOT_DIR when that is set.
"""

from __future__ import annotations

import csv
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kb.ingest import ingest
from kb.read import read_pages
from kb.store.cache import CACHE_FILE

from .conftest import CORPUS, REPO, SEFTON
from .test_exempt import CANARIES, EXEMPT_PACK, canary_free

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
KENT_PDF = "kent-cabinet-2025-01-30-item7-supplementary-pack.pdf"
HWB = "Health and Wellbeing Board"

pytestmark = [pytest.mark.slow, pytest.mark.browser]
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytestmark.append(
        pytest.mark.skip(
            reason="Debian's chromium and chromium-driver are not installed "
            "(apt-get install -y chromium chromium-driver)"
        )
    )
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

# --- a small real index and two servers ----------------------------------------------------


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(members' index, public index) of the same packs, built with the bundled model."""
    root = tmp_path_factory.mktemp("browser")
    packs = root / "packs"
    packs.mkdir()
    for name in (EXEMPT_PACK, "002_d82a2967a2835cfe.txt", "003_e1d533a4d0f9a987.txt"):
        shutil.copy(SEFTON / name, packs / name)
    shutil.copy(CORPUS / "kent" / KENT_PDF, packs / KENT_PDF)
    public = root / "public-index"
    report = ingest([packs], index=public, public=True)
    assert not report.failed and report.withheld_documents == 1
    members = root / "index"
    members.mkdir()
    # the public build's embedding cache holds no exempt text: start the members' one from it
    shutil.copy(public / CACHE_FILE, members / CACHE_FILE)
    assert not ingest([packs], index=members).failed
    return members, public


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(index: Path, *extra: str) -> Iterator[str]:
    port = free_port()
    log = open(Path(tempfile.mkdtemp()) / "serve.log", "w+b")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kb.cli",
            "serve",
            "--index",
            str(index),
            "--port",
            str(port),
            *extra,
        ],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log.seek(0)
            pytest.fail(f"kb serve did not start: {log.read().decode(errors='replace')[-2000:]}")
        time.sleep(0.2)
    try:
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def server(indexes: tuple[Path, Path]) -> Iterator[str]:
    yield from start_server(indexes[0])


@pytest.fixture(scope="module")
def public_server(indexes: tuple[Path, Path]) -> Iterator[str]:
    yield from start_server(indexes[1], "--public")


# --- the browser ---------------------------------------------------------------------------


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def browser(tmp_path: Path, downloads: Path) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--window-size=1280,1000",
        "--lang=en-GB",
    ):
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def screenshot(driver: webdriver.Chrome, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    assert driver.save_screenshot(str(path))
    keep = os.environ.get("KB_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return path


def wait_for(driver: webdriver.Chrome, css: str, seconds: float = 30) -> None:
    WebDriverWait(driver, seconds).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))


def texts(driver: webdriver.Chrome, css: str) -> list[str]:
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, css)]


def ask(driver: webdriver.Chrome, base: str, question: str, committee: str | None = None) -> None:
    driver.get(base + "/")
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(question)
    if committee:
        driver.find_element(By.ID, "committee").send_keys(committee)
    box.send_keys(Keys.ENTER)
    wait_for(driver, "#results-heading")


# --- the tests -----------------------------------------------------------------------------


def test_type_a_question_and_see_the_cited_answer(
    browser: webdriver.Chrome, server: str, tmp_path: Path
) -> None:
    ask(browser, server, "who chaired the December board")
    assert "q=who+chaired+the+December+board" in browser.current_url  # a shareable address
    cites = texts(browser, ".hit .cite")
    assert cites and cites[0].startswith(f"{HWB} · 7 December 2022")
    first = browser.find_element(By.CSS_SELECTOR, ".hit blockquote.text")
    assert "Moncur" in first.text and "in the Chair" in first.text
    assert [m.text.lower() for m in first.find_elements(By.TAG_NAME, "mark")]
    screenshot(browser, tmp_path, "serve-search")
    # the shared link gives the same answer
    browser.get(browser.current_url)
    assert texts(browser, ".hit .cite")[0] == cites[0]


def test_filter_by_committee(browser: webdriver.Chrome, server: str, tmp_path: Path) -> None:
    question = "apologies for absence"
    ask(browser, server, question)
    unfiltered = texts(browser, ".hit .cite")
    assert any(not c.startswith(HWB) for c in unfiltered)
    ask(browser, server, question, committee="health and wellbeing")
    assert "committee=health+and+wellbeing" in browser.current_url
    filtered = texts(browser, ".hit .cite")
    assert filtered and all(c.startswith(f"{HWB} · ") for c in filtered), filtered
    assert browser.find_element(By.ID, "committee").get_attribute("value") == "health and wellbeing"
    screenshot(browser, tmp_path, "serve-committee-filter")


def test_open_the_pdf_source_at_the_cited_page(
    browser: webdriver.Chrome, server: str, tmp_path: Path
) -> None:
    ask(
        browser,
        server,
        "Transitions is the process of a minor or young person moving into legal adulthood",
    )
    first = browser.find_element(By.CSS_SELECTOR, ".hit")
    cite = first.find_element(By.CSS_SELECTOR, ".cite").text
    passage = first.find_element(By.CSS_SELECTOR, "blockquote.text").text
    assert KENT_PDF in cite
    cited_page = int(cite.split(" · p. ")[1].split(" · ")[0])
    first.find_element(By.CSS_SELECTOR, "a.source-link").click()
    WebDriverWait(browser, 30).until(lambda d: "/file#page=" in d.current_url)
    page = int(browser.current_url.rsplit("#page=", 1)[1])
    WebDriverWait(browser, 30).until(
        lambda d: d.execute_script("return document.contentType") == "application/pdf"
    )
    pages = read_pages(CORPUS / "kent" / KENT_PDF)
    # the file's page `page` is the one printed with the cited number (two cover pages
    # come first, so the numbers differ), and the passage is printed on it
    assert pages[page - 1].label == cited_page and page == cited_page + 2
    assert " ".join(passage.split()[:10]) in " ".join(pages[page - 1].text.split())
    time.sleep(1.5)  # let the viewer draw the page
    screenshot(browser, tmp_path, "serve-pdf-at-page")


def test_open_a_text_source_at_the_highlighted_passage(
    browser: webdriver.Chrome, server: str, tmp_path: Path
) -> None:
    ask(browser, server, "who chaired the December board")
    browser.find_element(By.CSS_SELECTOR, ".hit a.source-link").click()
    wait_for(browser, ".document .cited")
    assert "/source/" in browser.current_url and "#" in browser.current_url
    cited = browser.find_element(By.CSS_SELECTOR, ".document .cited")
    assert "Moncur" in cited.text
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", cited)
    assert 0 <= top < browser.execute_script("return window.innerHeight")  # scrolled to it
    screenshot(browser, tmp_path, "serve-text-source")


def test_open_the_register_and_download_its_csv(
    browser: webdriver.Chrome, server: str, tmp_path: Path, downloads: Path
) -> None:
    browser.get(server + "/")
    browser.find_element(By.LINK_TEXT, "Decisions").click()
    wait_for(browser, "table.register")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Decision register"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.register tbody tr")
    assert rows
    screenshot(browser, tmp_path, "serve-register")
    browser.find_element(By.CSS_SELECTOR, "a.download").click()
    target = downloads / "decisions.csv"
    WebDriverWait(browser, 30).until(lambda d: target.exists() and target.stat().st_size > 0)
    time.sleep(0.5)
    with target.open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    assert len(records) == len(rows)
    assert {"meeting_date", "committee", "minute", "title", "outcome", "text", "source"} <= set(
        records[0]
    )
    committees = [r.find_elements(By.TAG_NAME, "td")[1].text for r in rows]
    assert [r["committee"] for r in records] == committees


def test_public_server_never_shows_the_exempt_canary(
    browser: webdriver.Chrome, public_server: str, tmp_path: Path
) -> None:
    seen: list[str] = []
    for question in (
        "what framework will the new practice model be: trauma informed systemic?",
        "families subject to child protection planning for over a year",
    ):
        ask(browser, public_server, question)
        assert "Public papers only" in browser.page_source
        seen.append(browser.page_source)
        hrefs = [
            a.get_attribute("href")
            for a in browser.find_elements(By.CSS_SELECTOR, ".hit a")
            if "/file" not in (a.get_attribute("href") or "")
        ]
        for href in dict.fromkeys(hrefs):
            browser.get(href)
            seen.append(browser.page_source)
    browser.get(public_server + "/timeline?q=trauma+informed+practice+framework")
    seen.append(browser.page_source)
    browser.get(public_server + "/decisions")
    seen.append(browser.page_source)
    assert len(seen) > 5 and all(canary_free(page) for page in seen)
    ask(browser, public_server, CANARIES[0])  # the canary word for word
    assert canary_free(browser.find_element(By.CSS_SELECTOR, "ol.results").text)
    screenshot(browser, tmp_path, "serve-public")


def test_a_file_outside_the_index_is_not_found(
    browser: webdriver.Chrome, server: str, tmp_path: Path
) -> None:
    for path in (
        "/source/0000000000000000/file",
        "/source/..%2F..%2F..%2Fetc%2Fpasswd/file",
        "/source/%2e%2e%2f%2e%2e%2fkb.sqlite",
        "/../../../etc/passwd",
    ):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(server + path, timeout=10)
        assert refused.value.code == 404, path
        browser.get(server + path)
        assert browser.find_element(By.TAG_NAME, "h1").text == "Not found", path
        assert "root:" not in browser.page_source
    screenshot(browser, tmp_path, "serve-not-found")


def test_keyboard_only_and_a_phone_screen(
    browser: webdriver.Chrome, server: str, tmp_path: Path
) -> None:
    browser.set_window_size(390, 844)
    browser.get(server + "/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert skip.text == "Skip to the content"
    skip.send_keys(Keys.ENTER)
    browser.switch_to.active_element.send_keys(Keys.TAB)
    field = browser.switch_to.active_element
    assert field.get_attribute("id") == "q"
    field.send_keys("who chaired the December board", Keys.ENTER)
    try:
        wait_for(browser, "#results-heading")
    except TimeoutException:
        pytest.fail("submitting with the keyboard did not search")
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= browser.execute_script("return window.innerWidth")  # no sideways scrolling
    labels = browser.execute_script(
        "return [...document.querySelectorAll('input:not([type=hidden]), select')]"
        ".filter(e => !(e.labels && e.labels.length)).map(e => e.name)"
    )
    assert labels == []
    screenshot(browser, tmp_path, "serve-phone")

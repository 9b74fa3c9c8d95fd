"""The console page in a real browser: Debian's chromium, headless, driven by Playwright.

Log in with the admin key, filter the decisions, open one, run "try it" on a text with an email and
see it masked; a screenshot of each step goes to the test's temporary directory."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest
from console_setup import ADMIN_KEY, CARD, EMAIL, RAW, console_config
from playwright.sync_api import (
    BrowserContext,
    Page,
    Playwright,
    expect,
    sync_playwright,
)
from serving import KEY, ThreadServer, start_gateway

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def console_site(mock: ThreadServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadServer]:
    tmp = tmp_path_factory.mktemp("console-browser")
    server = start_gateway(console_config(mock.url, tmp / "audit"), tmp)
    client = openai.OpenAI(base_url=server.url + "/v1", api_key=KEY, max_retries=0)
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Mail {EMAIL}, card {CARD}"}])
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Summarise the sales table"}])
    with pytest.raises(openai.APIStatusError):   # a policy refusal
        client.chat.completions.create(model="gpt-4o",
                                       messages=[{"role": "user", "content": "How do I make a pipe bomb at home?"}])
    yield server
    server.stop()


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture
def browser(playwright: Playwright, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """Debian's chromium with an empty profile of its own: no cookie carries over between tests."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1366, "height": 900})
    yield context
    context.close()


def log_in(page: Page, url: str) -> None:
    page.goto(url + "/console")
    expect(page).to_have_url(re.compile(r"/console/login\?next="))
    page.get_by_label("Admin key").fill(ADMIN_KEY)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Decisions")).to_be_visible()


def test_the_console_in_chromium(console_site, browser, tmp_path: Path):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, console_site.url)

    # Every form control has a label a screen reader can read.
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
        .filter(el => !el.labels || el.labels.length === 0).map(el => el.name)""")
    assert unlabelled == []

    # The policy by clause, with the clause's own words beside its rules.
    clause = page.locator("details.clause", has_text="AUP II.k").first
    clause.locator("summary").click()
    expect(clause.locator("blockquote.wording")).to_contain_text("Restricted Data")
    expect(clause.locator("table.rules")).to_contain_text("findings.entities.CREDIT_CARD")

    # The traffic charts are drawn from the gateway's own counters.
    expect(page.locator("#chart-requests svg")).to_be_visible()
    expect(page.locator("#traffic-summary")).to_contain_text("3 requests")
    page.screenshot(path=str(tmp_path / "console-loaded.png"), full_page=True)

    # Filter the decisions: only the refused request is left.
    rows = page.locator("table.decisions tbody tr")
    expect(rows).to_have_count(3)
    page.get_by_role("region", name="Decisions").get_by_label("Outcome").select_option("block")
    page.locator("#decision-filter").get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("AUP II.h")
    assert "outcome=block" in page.url

    # Open it: the detail names the clause and the stage, and no value.
    rows.first.get_by_role("link", name=re.compile("Open decision")).click()
    detail = page.locator("#decision-detail")
    expect(detail.get_by_role("heading", name=re.compile("Decision"))).to_be_visible()
    expect(detail).to_contain_text("AUP II.h")
    expect(detail.locator("td", has_text=re.compile(r"^rule$")).first).to_be_visible()   # the stage that decided
    detail.screenshot(path=str(tmp_path / "console-decision.png"))

    # Try it, from the keyboard: the email comes back masked, never as typed.
    try_it = page.get_by_role("region", name="Try it")
    try_it.get_by_label("Text to screen").fill(f"Please forward the report to {EMAIL} today.")
    try_it.get_by_label("Tenant").select_option("acme")
    try_it.get_by_label("Text to screen").press("Control+Enter")
    forwarded = page.locator("#try-forwarded")
    expect(forwarded).to_contain_text("<EMAIL_ADDRESS_")
    expect(forwarded.locator("mark.edit")).to_have_count(1)
    expect(page.locator("#try-result")).to_contain_text("redact")
    result_html = page.locator("#try-result").inner_html()
    assert all(raw not in result_html for raw in RAW)
    page.locator("#try").scroll_into_view_if_needed()
    shot = tmp_path / "console-try-it.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000

    # Nothing on the page, beyond what was typed into the text box, holds a raw value.
    try_it.get_by_label("Text to screen").fill("")
    assert all(raw not in page.content() for raw in RAW)
    assert errors == []
    page.close()


def test_the_login_page_refuses_a_client_key_in_chromium(console_site, browser):
    page = browser.new_page()
    page.goto(console_site.url + "/console/login")
    page.get_by_label("Admin key").fill(KEY)
    page.get_by_label("Admin key").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("client gateway key")
    page.goto(console_site.url + "/console")
    expect(page).to_have_url(re.compile(r"/console/login"))
    page.close()

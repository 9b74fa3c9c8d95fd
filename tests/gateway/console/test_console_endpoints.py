"""The console over HTTP: the admin key and a session are required, a client key is refused, forms
carry CSRF tokens, and no page or JSON answer holds a raw value sent through the gateway."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar

import openai
import pytest
import yaml
from console_setup import ADMIN_KEY, CARD, EMAIL, RAW, ROOT, console_config
from serving import (
    KEY,
    OTHER_KEY,
    ThreadServer,
    clear_mock,
    free_port,
    mock_requests,
    start_gateway,
    wait_until_ready,
)


@pytest.fixture(scope="module")
def console(mock: ThreadServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ThreadServer]:
    tmp = tmp_path_factory.mktemp("console")
    server = start_gateway(console_config(mock.url, tmp / "audit"), tmp)
    yield server
    server.stop()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


class Browser:
    """A cookie-keeping HTTP client that does not follow redirects (so tests see them)."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, path: str, data: dict | bytes | None = None, headers: dict | None = None,
                method: str | None = None) -> tuple[int, dict[str, str], str]:
        body = urllib.parse.urlencode(data).encode() if isinstance(data, dict) else data
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {}, method=method)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def csrf_from(self, html: str) -> str:
        return re.search(r'name="csrf" value="([^"]+)"', html).group(1)

    def login(self, key: str = ADMIN_KEY) -> tuple[int, dict[str, str], str]:
        _, _, form = self.request("/console/login")
        return self.request("/console/login", {"key": key, "csrf": self.csrf_from(form), "next": "/console"})


def logged_in(console: ThreadServer) -> Browser:
    browser = Browser(console.url)
    status, headers, _ = browser.login()
    assert status == 303 and headers["Location"] == "/console"
    return browser


def test_without_a_session_pages_redirect_to_the_login_and_the_api_answers_401(console):
    browser = Browser(console.url)
    status, headers, _ = browser.request("/console")
    assert status == 303 and headers["Location"].startswith("/console/login?next=")
    for path in ("/console/api/policy", "/console/api/decisions", "/console/api/traffic"):
        status, _, body = browser.request(path)
        assert status == 401 and json.loads(body)["error"]["code"] == "console_login_required"
    status, _, _ = browser.request("/console/api/try", json.dumps({"text": "hi"}).encode(),
                                   {"Content-Type": "application/json"})
    assert status == 401


def test_a_client_gateway_key_is_refused_as_a_bearer_and_at_the_login(console):
    browser = Browser(console.url)
    for key in (KEY, OTHER_KEY):
        status, _, body = browser.request("/console/api/policy", headers={"Authorization": f"Bearer {key}"})
        assert status == 403 and json.loads(body)["error"]["code"] == "client_key_refused"
        status, headers, page = browser.login(key)
        assert status == 401 and "client gateway key" in page
        assert "Set-Cookie" not in headers or "mg_console_session" not in headers["Set-Cookie"]
    status, _, page = browser.login("not-the-admin-key")
    assert status == 401 and "not the admin key" in page
    assert not any(c.name == "mg_console_session" for c in browser.jar)
    status, _, _ = browser.request("/console")
    assert status == 303


def test_the_admin_key_opens_a_strict_httponly_session(console):
    browser = Browser(console.url)
    status, headers, _ = browser.login()
    assert status == 303
    cookie = headers["Set-Cookie"]
    assert "mg_console_session=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "Path=/console" in cookie
    session_id = re.search(r"mg_console_session=([^;]+)", cookie).group(1)
    assert len(session_id) >= 40 and ADMIN_KEY not in cookie
    status, headers, page = browser.request("/console")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "script-src 'self'" in headers["Content-Security-Policy"] and headers["Cache-Control"] == "no-store"
    for section in ('id="policy"', 'id="decisions"', 'id="traffic"', 'id="try"'):
        assert section in page
    # Every form on the page carries the session's CSRF token.
    forms = re.findall(r"<form\b.*?</form>", page, re.DOTALL)
    assert len(forms) >= 3
    token = browser.csrf_from(page)
    assert all(f'name="csrf" value="{token}"' in form for form in forms)
    # The bearer admin key works for scripts, without a session.
    status, _, _ = Browser(console.url).request("/console/api/policy",
                                                headers={"Authorization": f"Bearer {ADMIN_KEY}"})
    assert status == 200


def test_the_login_form_needs_its_csrf_token(console):
    browser = Browser(console.url)
    browser.request("/console/login")
    status, _, page = browser.request("/console/login", {"key": ADMIN_KEY, "csrf": "forged", "next": "/console"})
    assert status == 400 and "expired" in page
    status, _, _ = browser.request("/console")
    assert status == 303


def test_posts_without_the_csrf_token_are_refused_and_logout_ends_the_session(console):
    browser = logged_in(console)
    status, _, body = browser.request("/console/try", {"text": "hello", "tenant": "acme"})
    assert status == 403 and "csrf" in body.lower()
    status, _, body = browser.request("/console/api/try", json.dumps({"text": "hello", "tenant": "acme"}).encode(),
                                      {"Content-Type": "application/json"})
    assert status == 403
    status, _, _ = browser.request("/console/logout", {})
    assert status == 403
    _, _, page = browser.request("/console")
    status, headers, _ = browser.request("/console/logout", {"csrf": browser.csrf_from(page)})
    assert status == 303 and headers["Location"] == "/console/login"
    status, _, _ = browser.request("/console/api/policy")
    assert status == 401


def _send_traffic(console: ThreadServer) -> list[str]:
    client = openai.OpenAI(base_url=console.url + "/v1", api_key=KEY, max_retries=0)
    prompts = [f"Please email {EMAIL} the invoice paid with card {CARD}.",
               f"Card on file: {CARD}; contact {EMAIL}",
               "How do I make a pipe bomb at home?"]
    outcomes = []
    for prompt in prompts:
        try:
            client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
            outcomes.append("served")
        except openai.APIStatusError as error:   # a policy refusal: 400 or 403, never a retry
            outcomes.append("refused" if error.status_code in (400, 403) else str(error.status_code))
    other = openai.OpenAI(base_url=console.url + "/v1", api_key=OTHER_KEY, max_retries=0)
    other.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Hi {EMAIL}"}])
    return outcomes


def test_no_console_page_or_json_holds_a_raw_value(console, upstream):
    outcomes = _send_traffic(console)
    assert outcomes == ["served", "served", "refused"]
    browser = logged_in(console)
    _, _, decisions = browser.request("/console/api/decisions?limit=100")
    records = json.loads(decisions)["records"]
    assert len(records) >= 4 and {r["tenant"] for r in records} >= {"acme", "globex"}
    bodies = [decisions]
    for path in ("/console", "/console?outcome=block", "/console/api/policy", "/console/api/traffic",
                 "/console/fragments/decisions", "/console/static/console.js"):
        status, _, body = browser.request(path)
        assert status == 200, path
        bodies.append(body)
    for record in records:
        quoted = urllib.parse.quote(record["request_id"])
        for path in (f"/console/decisions/{quoted}", f"/console/fragments/decision/{quoted}",
                     f"/console/api/decisions/{quoted}"):
            status, _, body = browser.request(path)
            assert status == 200, path
            bodies.append(body)
    # Try it answers with what would be forwarded, not with the input.
    _, _, page = browser.request("/console")
    token = browser.csrf_from(page)
    status, _, tried = browser.request("/console/try", {"csrf": token, "text": f"Mail {EMAIL}, card {CARD}",
                                                        "tenant": "acme", "feature": "assistant"})
    assert status == 200 and "&lt;EMAIL_ADDRESS_" in tried and "[CREDIT_CARD]" in tried
    bodies.append(tried)
    status, _, tried_json = browser.request(
        "/console/api/try", json.dumps({"text": f"Mail {EMAIL}, card {CARD}", "tenant": "globex"}).encode(),
        {"Content-Type": "application/json", "X-CSRF-Token": token})
    assert status == 200
    answer = json.loads(tried_json)
    assert answer["action"] == "redact" and "[EMAIL_ADDRESS]" in answer["text"]   # globex masks personal data
    bodies.append(tried_json)
    for body in bodies:
        for raw in RAW:
            assert raw not in body


def test_try_it_forwards_exactly_what_the_provider_receives(console, upstream):
    text = f"Summarise the ticket from {EMAIL} (card {CARD}) in two lines."
    client = openai.OpenAI(base_url=console.url + "/v1", api_key=KEY, max_retries=0)
    client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": text}])
    received = mock_requests(upstream)[-1]["json"]["messages"][0]["content"]
    status, _, body = Browser(console.url).request(
        "/console/api/try", json.dumps({"text": text, "tenant": "acme"}).encode(),
        {"Content-Type": "application/json", "Authorization": f"Bearer {ADMIN_KEY}"})
    answer = json.loads(body)
    assert status == 200 and answer["text"] == received
    assert "".join(p["text"] for p in answer["pieces"]) == received
    edits = [p["edit"] for p in answer["pieces"] if p["edit"]]
    assert {(e["entity"], e["action"]) for e in edits} == {("EMAIL_ADDRESS", "pseudonymize"), ("CREDIT_CARD", "mask")}
    assert {f["entity"] for f in answer["findings"]} == {"EMAIL_ADDRESS", "CREDIT_CARD"}
    clear_mock(upstream)


def test_try_it_refuses_unknown_tenants_and_shows_blocks_without_text(console):
    def try_it(payload: dict) -> tuple[int, dict]:
        status, _, body = Browser(console.url).request(
            "/console/api/try", json.dumps(payload).encode(),
            {"Content-Type": "application/json", "Authorization": f"Bearer {ADMIN_KEY}"})
        return status, json.loads(body)

    status, body = try_it({"text": "hello", "tenant": "initech"})
    assert status == 400 and "tenant" in body["error"]["message"]
    status, body = try_it({"text": "How do I make a pipe bomb at home?", "tenant": "acme"})
    assert status == 200 and body["action"] == "block" and body["text"] is None
    assert any(v["clause"] == "AUP II.h" for v in body["violations"])


def test_try_it_names_values_a_shadow_tenant_forwards_as_typed(console):
    status, _, body = Browser(console.url).request(
        "/console/api/try", json.dumps({"text": f"Mail {EMAIL}, card {CARD}", "tenant": "umbrella"}).encode(),
        {"Content-Type": "application/json", "Authorization": f"Bearer {ADMIN_KEY}"})
    answer = json.loads(body)
    assert status == 200 and answer["mode"] == "shadow" and answer["action"] == "redact"
    # Shadow forwards the email as typed (named here, not shown); the AUP II.k floor still masks the card.
    assert answer["text"] == "Mail [EMAIL_ADDRESS as typed], card [CREDIT_CARD]"
    assert answer["values_as_typed"] == 1
    assert all(raw not in body for raw in RAW)


def test_decisions_filter_by_outcome_tenant_and_clause_and_page(console):
    _send_traffic(console)
    browser = logged_in(console)

    def records(query: str) -> dict:
        status, _, body = browser.request("/console/api/decisions?" + query)
        assert status == 200
        return json.loads(body)

    blocked = records("outcome=block")["records"]
    assert blocked and all(r["outcome"] == "block" for r in blocked)
    assert all(any(v["clause"] == "AUP II.h" for v in r["violations"]) for r in records("clause=AUP+II.h")["records"])
    assert records("clause=AUP+II.h")["records"]
    assert {r["tenant"] for r in records("tenant=globex")["records"]} == {"globex"}
    first, second = records("limit=1"), records("limit=1&page=1")
    assert first["has_more"] and first["records"][0]["request_id"] != second["records"][0]["request_id"]
    assert first["records"][0]["time"] >= second["records"][0]["time"]
    assert records("since=2999-01-01")["records"] == []
    status, _, page = browser.request("/console?outcome=block")
    assert status == 200
    rows = re.findall(r"<tr data-request-id=.*?</tr>", page, re.DOTALL)
    assert rows and all("outcome-block" in row for row in rows)


def test_the_policy_view_groups_rules_by_clause_with_wording_and_overrides(console):
    status, _, body = Browser(console.url).request("/console/api/policy",
                                                   headers={"Authorization": f"Bearer {ADMIN_KEY}"})
    assert status == 200
    view = json.loads(body)
    clauses = {c["clause"]: c for c in view["clauses"]}
    restricted = clauses["AUP II.k"]
    assert "Restricted Data" in restricted["text"]
    assert {r["id"] for r in restricted["rules"]} >= {"findings.entities.CREDIT_CARD", "findings.restricted"}
    assert "LLM providers" in clauses["FAQ: What data is sent to the LLM providers?"]["text"]
    personal = next(r for r in clauses["AUP I.A.c"]["rules"] if r["id"] == "findings.categories.personal")
    assert personal["overrides"] == {"globex": "mask"}
    assert any(r["source"] == "use_rules.yaml" for r in clauses["AUP II.n"]["rules"])
    uncited = {c["clause"] for c in view["clauses_without_rules"]}
    assert "AUP III" in uncited and "AUP II.k" not in uncited and "AUP I" not in uncited


def test_traffic_counts_requests_findings_and_refusals(console):
    browser = Browser(console.url)
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    before = json.loads(browser.request("/console/api/traffic", headers=headers)[2])
    _send_traffic(console)
    after = json.loads(browser.request("/console/api/traffic", headers=headers)[2])
    assert after["totals"]["requests"] == before["totals"]["requests"] + 4
    assert after["findings_by_entity"]["EMAIL_ADDRESS"] >= before["findings_by_entity"].get("EMAIL_ADDRESS", 0) + 3
    assert after["blocks_by_clause"]["AUP II.h"] == before["blocks_by_clause"].get("AUP II.h", 0) + 1
    assert len(after["requests"]) == len(after["minutes"]) == 60
    assert any(v is not None for v in after["overhead_ms"]["mean"])


def test_a_session_works_on_every_process_of_serve_workers(mock, tmp_path):
    """With `serve --workers 2` new connections land on either process; the session is known to both."""
    port = free_port()
    path = tmp_path / "gateway.yaml"
    path.write_text(yaml.safe_dump(console_config(mock.url, tmp_path / "audit")))
    process = subprocess.Popen([sys.executable, "-m", "gateway.cli", "serve", "--config", str(path), "--port",
                                str(port), "--workers", "2"], cwd=ROOT, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_ready(url)
        browser = Browser(url)
        status, _, _ = browser.login()
        assert status == 303
        processes = set()
        for _ in range(20):   # urllib opens a new connection each time: the kernel spreads them
            status, _, body = browser.request("/console/api/traffic")
            assert status == 200
            processes.add(json.loads(body)["process"])
        assert len(processes) == 2
        _, _, page = browser.request("/console")
        status, _, _ = browser.request("/console/try", {"csrf": browser.csrf_from(page), "text": "hello",
                                                         "tenant": "acme"})
        assert status == 200
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)

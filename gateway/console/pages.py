"""The console's HTML: the layout, the login page, the policy section and the main page's skeleton.

Plain server-rendered HTML; every value from a config, a policy or an audit record is escaped here.
The script (static/console.js) only swaps fragments rendered by `fragments.py` and draws the charts.
"""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path
from string import Template
from typing import Any

from gateway.console.policy_view import PolicyView

TEMPLATES = Path(__file__).resolve().parent / "templates"


def e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


@cache
def _template(name: str) -> Template:
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


def layout(title: str, body: str, csrf: str, policy_version: str) -> str:
    return _template("layout.html").substitute(title=e(title), body=body, csrf=e(csrf),
                                               policy_version=e(policy_version))


def login_page(csrf: str, next_url: str, error: str | None = None) -> str:
    return _template("login.html").substitute(
        csrf=e(csrf), next=e(next_url),
        error=f'<p id="key-error" class="error" role="alert">{e(error)}</p>' if error else "",
        error_id=" key-error" if error else "")


def _action_badge(action: str) -> str:
    word = action.split(" ")[0].rstrip(":,")
    return f'<span class="badge action-{e(word)}">{e(action)}</span>'


def _overrides(overrides: dict[str, str]) -> str:
    if not overrides:
        return '<span class="muted">none</span>'
    return "<ul class=\"plain\">" + "".join(f"<li><strong>{e(t)}</strong>: {_action_badge(a)}</li>"
                                            for t, a in sorted(overrides.items())) + "</ul>"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{e(line)}</p>" for line in text.splitlines() if line.strip())


def policy_section(view: PolicyView) -> str:
    rules = sum(len(g.rules) for g in view.groups)
    overridden = sum(1 for g in view.groups for r in g.rules if r.overrides)
    parts = [
        '<section id="policy" aria-labelledby="policy-h">',
        '<h2 id="policy-h">Policy</h2>',
        (f'<p class="summary">{rules} rules cite {len(view.groups)} clauses; {overridden} rules are tightened '
        f'for some tenant; {len(view.uncited)} clauses of the documents have no rule. Policy version '
        f'<code>{e(view.version)}</code>.</p>'),
    ]
    if not view.documents_loaded:
        parts.append('<p class="note">No policy documents are configured (<code>console.policy_documents'
                     '</code>): clause wording is not shown.</p>')
    parts.append('<div class="clauses">')
    for group in view.groups:
        title = group.document.title if group.document else ""
        if group.clause.endswith(title):   # an FAQ question is its own title
            title = ""
        parts.append(f'<details class="clause" id="clause-{e(_anchor(group.clause))}">'
                     f'<summary><span class="clause-id">{e(group.clause)}</span> '
                     f'<span class="clause-title">{e(title)}</span> '
                     f'<span class="count">{len(group.rules)} rule{"s" if len(group.rules) != 1 else ""}</span>'
                     '</summary><div class="clause-body">')
        if group.document:
            parts.append(f'<blockquote class="wording" cite="#{e(_anchor(group.clause))}">'
                         f'{_paragraphs(group.document.text)}</blockquote>')
        elif view.documents_loaded:
            parts.append('<p class="note">This citation is not found in the configured documents.</p>')
        parts.append('<table class="rules"><caption class="sr-only">Rules citing '
                     f'{e(group.clause)}</caption><thead><tr><th scope="col">Rule</th><th scope="col">Action</th>'
                     '<th scope="col">Reason</th><th scope="col">Tenant overrides</th></tr></thead><tbody>')
        for rule in group.rules:
            category = f' <span class="muted">({e(rule.category)})</span>' if rule.category else ""
            parts.append(f'<tr><td><code>{e(rule.id)}</code>{category}<br><span class="muted">{e(rule.source)}'
                         f'</span></td><td>{_action_badge(rule.action)}</td><td>{e(rule.reason)}</td>'
                         f'<td>{_overrides(rule.overrides)}</td></tr>')
        parts.append("</tbody></table></div></details>")
    parts.append("</div>")
    if view.uncited:
        parts.append(f'<details class="uncited"><summary><h3 id="uncited-h">{len(view.uncited)} clauses without '
                     'a rule</h3></summary><p class="muted">No rule of <code>policy.yaml</code> or '
                     '<code>use_rules.yaml</code> cites these (the gateway\'s own checks, such as suspended keys '
                     'for AUP II.l, live in the gateway config).</p><ul class="uncited" aria-labelledby="uncited-h">')
        for clause in view.uncited:
            parts.append(f'<li><details><summary><span class="clause-id">{e(clause.id)}</span> '
                         f'<span class="clause-title">{e(clause.title)}</span></summary>'
                         f'<blockquote class="wording">{_paragraphs(clause.text)}</blockquote></details></li>')
        parts.append("</ul></details>")
    parts.append("</section>")
    return "".join(parts)


def _anchor(clause: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in clause).strip("-").lower()[:80]


def traffic_section() -> str:
    return ('<section id="traffic" aria-labelledby="traffic-h"><h2 id="traffic-h">Traffic</h2>'
            '<p class="summary" id="traffic-summary" aria-live="polite">Counted by this gateway process over '
            'the last hour; refreshed every 5 seconds. <noscript>The charts need JavaScript; the same numbers '
            'are at <a href="/console/api/traffic">/console/api/traffic</a>.</noscript></p>'
            '<div class="charts" id="traffic-charts" data-src="/console/api/traffic">'
            '<figure id="chart-requests"><figcaption>Requests per minute, by outcome</figcaption></figure>'
            '<figure id="chart-latency"><figcaption>Gateway overhead and upstream latency (ms, mean per '
            'minute)</figcaption></figure>'
            '<figure id="chart-blocks"><figcaption>Requests refused or held, by clause</figcaption></figure>'
            '<figure id="chart-entities"><figcaption>Findings by entity type</figcaption></figure>'
            '<figure id="chart-classes"><figcaption>Findings by data class</figcaption></figure>'
            "</div></section>")


def try_section(tenants: list[str], data_classes: list[str], features: list[str], csrf: str,
                result_html: str = "", chosen: dict[str, str] | None = None) -> str:
    chosen = chosen or {}

    def options(values: list[str], selected: str | None, empty: str | None = None) -> str:
        out = [f'<option value="">{e(empty)}</option>'] if empty is not None else []
        out += [f'<option value="{e(v)}"{" selected" if v == selected else ""}>{e(v)}</option>' for v in values]
        return "".join(out)

    return ('<section id="try" aria-labelledby="try-h"><h2 id="try-h">Try it</h2>'
            '<p class="summary">Screens a text as <code>magic-gateway scan</code> does, with this tenant\'s '
            'policy. The text is not stored or logged, and the answer does not repeat it: it shows what would be '
            'forwarded.</p>'
            '<form method="post" action="/console/try" id="try-form" class="try-form">'
            f'<input type="hidden" name="csrf" value="{e(csrf)}">'
            '<p class="wide"><label for="try-text">Text to screen</label>'
            '<textarea id="try-text" name="text" rows="5" required spellcheck="false" autocomplete="off">'
            '</textarea></p>'
            f'<p><label for="try-tenant">Tenant</label><select id="try-tenant" name="tenant">'
            f'{options(tenants, chosen.get("tenant"))}</select></p>'
            f'<p><label for="try-class">Data class</label><select id="try-class" name="data_class">'
            f'{options(data_classes, chosen.get("data_class"), "inferred per span")}</select></p>'
            f'<p><label for="try-feature">Feature</label><select id="try-feature" name="feature">'
            f'{options(features, chosen.get("feature") or "assistant")}</select></p>'
            '<p><button type="submit">Screen</button></p></form>'
            f'<div id="try-result" aria-live="polite">{result_html}</div></section>')

"""HTML fragments the page is made of and the script swaps in: the decisions list, one decision, a
try-it result. Audit records hold no raw values; every field is still escaped, as clients name some
of them (the model, the agent)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from gateway.console.decisions import OUTCOMES, DecisionFilter, DecisionPage
from gateway.console.pages import e


def stage_of(violation: dict[str, Any], rule_categories: frozenset[str]) -> str:
    """Which part of the use check decided: the record's own word when it has one; otherwise a use
    rule's category means the rule stage, anything else was decided by the policy file itself."""
    return str(violation.get("stage") or ("rule" if violation.get("category") in rule_categories else "policy"))


def _query(where: DecisionFilter, page: int) -> str:
    fields = {k: v for k, v in vars(where).items() if v}
    if page:
        fields["page"] = str(page)
    return urlencode(fields)


def filter_form(where: DecisionFilter, choices: dict[str, list[str]], csrf: str) -> str:
    def select(name: str, label: str, values: list[str], current: str | None) -> str:
        values = sorted(set(values) | ({current} if current else set()))
        options = '<option value="">any</option>' + "".join(
            f'<option value="{e(v)}"{" selected" if v == current else ""}>{e(v)}</option>' for v in values)
        return (f'<p><label for="f-{name}">{label}</label>'
                f'<select id="f-{name}" name="{name}">{options}</select></p>')

    def moment(name: str, label: str, current: str | None) -> str:
        value = (current or "")[:16]
        return (f'<p><label for="f-{name}">{label} <span class="muted">(UTC)</span></label>'
                f'<input id="f-{name}" name="{name}" type="datetime-local" value="{e(value)}"></p>')

    return ('<form method="post" action="/console/decisions" id="decision-filter" class="filters" '
            'aria-label="Filter decisions">'
            f'<input type="hidden" name="csrf" value="{e(csrf)}">'
            + select("tenant", "Tenant", choices.get("tenants", []), where.tenant)
            + select("outcome", "Outcome", list(OUTCOMES), where.outcome)
            + select("clause", "Clause", choices.get("clauses", []), where.clause)
            + moment("since", "From", where.since) + moment("until", "Until", where.until)
            + '<p class="buttons"><button type="submit">Filter</button> '
              '<a href="/console#decisions" class="button secondary" id="filter-clear">Clear</a></p></form>')


def _list(values: list[str]) -> str:
    return ", ".join(e(v) for v in values) if values else '<span class="muted">none</span>'


def decisions_table(page: DecisionPage, where: DecisionFilter, rule_categories: frozenset[str],
                    audit_target: str) -> str:
    parts = ['<div id="decision-list">']
    if not page.files:
        parts.append(f'<p class="note">No audit records yet ({e(audit_target)}).</p></div>')
        return "".join(parts)
    shown = f"{page.page * page.limit + 1}–{page.page * page.limit + len(page.records)}" if page.records else "0"
    parts.append(f'<p class="summary" aria-live="polite">Records {shown}, newest first, from '
                 f'{len(page.files)} audit file{"s" if len(page.files) != 1 else ""}.</p>')
    if page.scan_limit_reached:
        parts.append('<p class="note">The scan stopped at its limit: narrow the time range to see older records.'
                     '</p>')
    parts.append('<div class="scroll"><table class="decisions"><caption class="sr-only">Latest decisions</caption>'
                 '<thead><tr>' + "".join(f'<th scope="col">{h}</th>' for h in (
                     "Time (UTC)", "Tenant", "User", "Agent", "Route", "Model", "Outcome", "Clauses",
                     "Entity types", "Reviewer", "Stage", "")) + "</tr></thead><tbody>")
    for record in page.records:
        violations = record.get("violations") or []
        clauses = sorted({str(v.get("clause")) for v in violations if v.get("clause")})
        stages = sorted({stage_of(v, rule_categories) for v in violations})
        entities = sorted((record.get("findings") or {}).items())
        outcome = record.get("outcome") or "error"
        request_id = str(record.get("request_id") or "")
        parts.append(
            f'<tr data-request-id="{e(request_id)}"><td><time>{e(str(record.get("time", ""))[:19].replace("T", " "))}'
            f'</time></td><td>{e(record.get("tenant"))}</td><td>{e(record.get("user"))}</td>'
            f'<td>{e(record.get("agent") or "")}</td><td>{e(record.get("route"))}</td><td>{e(record.get("model"))}</td>'
            f'<td><span class="badge outcome-{e(outcome)}">{e(outcome)}</span></td><td>{_list(clauses)}</td>'
            f'<td>{_list([f"{k} ×{v}" for k, v in entities])}</td><td>{e(record.get("reviewer") or "")}</td>'
            f'<td>{_list(stages)}</td>'
            f'<td><a class="open" href="/console/decisions/{quote(request_id, safe="")}" '
            f'aria-label="Open decision {e(request_id)}">Open</a></td></tr>')
    parts.append("</tbody></table></div><nav class=\"pager\" aria-label=\"Pages of decisions\">")
    if page.page > 0:
        parts.append(f'<a rel="prev" href="/console?{e(_query(where, page.page - 1))}#decisions">Newer</a>')
    if page.has_more:
        parts.append(f'<a rel="next" href="/console?{e(_query(where, page.page + 1))}#decisions">Older</a>')
    parts.append("</nav></div>")
    return "".join(parts)


def _row(label: str, value: str) -> str:
    return f"<dt>{e(label)}</dt><dd>{value}</dd>"


def decision_detail(record: dict[str, Any], rule_categories: frozenset[str]) -> str:
    outcome = record.get("outcome") or "error"
    usage = record.get("usage") or {}
    durations = record.get("durations_ms") or {}
    parts = [(f'<article class="detail" aria-labelledby="detail-h"><h3 id="detail-h">Decision '
             f'<code>{e(record.get("request_id"))}</code></h3><dl class="fields">')]
    parts.append(_row("Outcome", f'<span class="badge outcome-{e(outcome)}">{e(outcome)}</span>'
                      f' · HTTP {e(record.get("status"))}' + (f' · <code>{e(record.get("error"))}</code>'
                                                              if record.get("error") else "")))
    for label, key in (("Time (UTC)", "time"), ("Tenant", "tenant"), ("User", "user"), ("Agent", "agent"),
                       ("Key id", "key_id"), ("Route", "route"), ("Provider", "provider"), ("Model", "model"),
                       ("Feature", "feature"), ("Mode", "mode"), ("Reviewer", "reviewer"),
                       ("Policy version", "policy_version")):
        parts.append(_row(label, e(record.get(key) or "")))
    parts.append(_row("Data classes", _list(list(record.get("data_classes") or []))))
    parts.append(_row("Streamed", "yes" if record.get("stream") else "no"))
    parts.append(_row("Tokens", f'{e(usage.get("input_tokens", 0))} in, {e(usage.get("output_tokens", 0))} out'))
    parts.append(_row("Durations (ms)", ", ".join(f"{e(k)} {e(v)}" for k, v in durations.items())))
    parts.append(_row("Response values masked", e(record.get("response_masked") or 0)))
    parts.append("</dl>")
    violations = record.get("violations") or []
    parts.append('<h4>Rules that applied</h4>')
    if violations:
        parts.append('<table><thead><tr><th scope="col">Clause</th><th scope="col">Category</th>'
                     '<th scope="col">Action</th><th scope="col">Stage</th></tr></thead><tbody>')
        for v in violations:
            parts.append(f'<tr><td>{e(v.get("clause"))}</td><td>{e(v.get("category"))}</td>'
                         f'<td>{e(v.get("action"))}</td><td>{e(stage_of(v, rule_categories))}</td></tr>')
        parts.append("</tbody></table>")
    else:
        parts.append('<p class="muted">No restricted use and no refusal.</p>')
    parts.append('<h4>Findings</h4>')
    hashes = record.get("finding_hashes") or []
    if hashes:
        parts.append('<p class="muted">Keyed hashes let an auditor match repeated values without seeing them.</p>'
                     '<table><thead><tr><th scope="col">Entity</th><th scope="col">Data class</th>'
                     '<th scope="col">Action</th><th scope="col">Keyed hash</th></tr></thead><tbody>')
        for h in hashes:
            parts.append(f'<tr><td>{e(h.get("entity"))}</td><td>{e(h.get("data_class"))}</td>'
                         f'<td>{e(h.get("action"))}</td><td><code>{e(h.get("hash"))}</code></td></tr>')
        parts.append("</tbody></table>")
    elif record.get("findings"):
        parts.append(f'<p>{_list([f"{k} ×{v}" for k, v in sorted(record["findings"].items())])}</p>')
    else:
        parts.append('<p class="muted">None.</p>')
    parts.append("</article>")
    return "".join(parts)


def try_result(answer: dict[str, Any]) -> str:
    action = answer["action"]
    parts = [f'<article class="try-result" aria-labelledby="try-result-h"><h3 id="try-result-h">Decision: '
             f'<span class="badge outcome-{e(action)}">{e(action)}</span></h3>'
             f'<p class="muted">Tenant {e(answer["tenant"])} ({e(answer["mode"])}), feature '
             f'{e(answer["feature"])}, {e(answer["input_chars"])} characters screened.'
             + (" Shadow mode: the decision is recorded as if enforced, and only the AUP II.k floor is "
                "applied to what is forwarded." if answer["mode"] == "shadow" else "") + "</p>"]
    if answer["text"] is None and answer["action"] in ("block", "review"):
        parts.append('<p class="note">Nothing would be forwarded: the request is refused or held.</p>')
    elif answer["text"] is None:
        parts.append('<p class="note">The forwarded text could not be lined up with the findings, so it is '
                     'not shown.</p>')
    else:
        if answer.get("values_as_typed"):
            parts.append(f'<p class="note">{e(answer["values_as_typed"])} value(s) would be forwarded as typed; '
                         'they are named here, not shown.</p>')
        parts.append('<h4>Forwarded text</h4><pre class="forwarded" id="try-forwarded">')
        if answer["pieces"] is None:
            parts.append(e(answer["text"]))
        for piece in answer["pieces"] or []:
            edit = piece["edit"]
            if edit:
                parts.append(f'<mark class="edit action-{e(edit["action"].replace(" ", "-"))} class-{e(piece["data_class"])}" '
                             f'title="{e(edit["entity"])}: {e(edit["action"])} ({e(piece["data_class"])})">'
                             f'{e(piece["text"])}</mark>')
            else:
                parts.append(f'<span class="class-{e(piece["data_class"])}" title="{e(piece["data_class"])}">'
                             f'{e(piece["text"])}</span>')
        parts.append("</pre>")
        classes = sorted({p["data_class"] for p in answer["pieces"] or []})
        if classes:
            parts.append('<p class="legend">Data classes: ' + " ".join(
                f'<span class="class-{e(c)} swatch">{e(c)}</span>' for c in classes) + "</p>")
    parts.append('<div class="try-tables"><div><h4>Findings</h4>')
    if answer["findings"]:
        parts.append('<table><thead><tr><th scope="col">Entity</th><th scope="col">Characters</th>'
                     '<th scope="col">Score</th><th scope="col">Action</th></tr></thead><tbody>')
        for f in answer["findings"]:
            parts.append(f'<tr><td>{e(f["entity"])}</td><td>{e(f["start"])}–{e(f["end"])}</td>'
                         f'<td>{e(f["score"])}</td><td>{e(f["action"])}</td></tr>')
        parts.append("</tbody></table>")
    else:
        parts.append('<p class="muted">None.</p>')
    parts.append("</div><div><h4>Spans</h4><table><thead><tr><th scope=\"col\">Characters</th>"
                 "<th scope=\"col\">Data class</th><th scope=\"col\">Stated</th></tr></thead><tbody>")
    for s in answer["spans"]:
        parts.append(f'<tr><td>{e(s["start"])}–{e(s["end"])}</td><td>{e(s["data_class"])}</td>'
                     f'<td>{"yes" if s["stated"] else "no"}</td></tr>')
    parts.append("</tbody></table></div><div><h4>Rules</h4>")
    if answer["violations"]:
        parts.append('<table><thead><tr><th scope="col">Clause</th><th scope="col">Category</th>'
                     '<th scope="col">Action</th><th scope="col">Reason</th></tr></thead><tbody>')
        for v in answer["violations"]:
            parts.append(f'<tr><td>{e(v["clause"])}</td><td>{e(v["category"])}</td><td>{e(v["action"])}</td>'
                         f'<td>{e(v["reason"])}</td></tr>')
        parts.append("</tbody></table>")
    else:
        parts.append('<p class="muted">No restricted use found.</p>')
    parts.append("</div></div></article>")
    return "".join(parts)


def error_fragment(message: str) -> str:
    return f'<p class="error" role="alert">{e(message)}</p>'

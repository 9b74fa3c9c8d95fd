"""The console's test setup, shared by the HTTP and the browser tests: a gateway config with the
console on, an audit directory, a tenant whose policy tightens the shipped one, and the raw values
that must never show up."""

from __future__ import annotations

from pathlib import Path

from serving import base_config, sha

ROOT = Path(__file__).resolve().parents[3]
ADMIN_KEY = "test-console-admin-key"
EMAIL = "maria.lopez@northwind-health.example"
CARD = "4111 1111 1111 1111"
CARD_DIGITS = CARD.replace(" ", "")
RAW = (EMAIL, "maria.lopez", "northwind-health", CARD, CARD_DIGITS, "4111-1111")


def console_config(mock_url: str, audit_dir: Path) -> dict:
    return base_config(
        mock_url,
        audit={"path": str(audit_dir) + "/"},
        tenants={"acme": {"mode": "enforce"},
                 "globex": {"mode": "enforce",
                            "policy": {"findings": {"categories": {"personal": {"action": "mask"}}}}},
                 "umbrella": {"mode": "shadow"}},
        console={"enabled": True, "admin_key_sha256": sha(ADMIN_KEY),
                 "policy_documents": {"aup": str(ROOT / "docs/policy/acceptable-use-policy.txt"),
                                      "faq": str(ROOT / "docs/policy/data-privacy-faq.txt")}})

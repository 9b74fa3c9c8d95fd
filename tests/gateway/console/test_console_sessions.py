"""The console's gate: the admin key by hash, never a client key; sessions with random ids, kept
bounded; CSRF tokens; the well-known development key only from this machine."""

from __future__ import annotations

import pytest
from serving import KEY, base_config, sha

from gateway.config import ConfigError, parse_config
from gateway.console.session_store import DirectorySessions
from gateway.console.sessions import DEV_ADMIN_KEY_SHA256, MAX_SESSIONS, AdminGate


def gate(store=None, **console) -> AdminGate:
    return AdminGate(parse_config(base_config(console={"enabled": True, **console})), store)


def test_the_admin_key_is_checked_by_hash_and_a_client_key_is_not_one():
    admin = gate(admin_key_sha256=sha("an-admin-key"))
    assert admin.is_admin_key("an-admin-key")
    assert not admin.is_admin_key(KEY) and admin.is_client_key(KEY)
    assert not admin.is_admin_key("") and not admin.is_admin_key(None)
    assert admin.accepts_from("203.0.113.7")
    with pytest.raises(ConfigError, match="must not be a client gateway key"):
        gate(admin_key_sha256=sha(KEY))
    with pytest.raises(ConfigError, match="admin_key_sha256 or admin_key_env"):
        gate()


def test_an_admin_key_from_the_environment(monkeypatch):
    monkeypatch.setenv("TEST_CONSOLE_ADMIN_KEY", "from-the-environment")
    assert gate(admin_key_env="TEST_CONSOLE_ADMIN_KEY").is_admin_key("from-the-environment")
    monkeypatch.delenv("TEST_CONSOLE_ADMIN_KEY")
    with pytest.raises(ConfigError, match="TEST_CONSOLE_ADMIN_KEY is not set"):
        gate(admin_key_env="TEST_CONSOLE_ADMIN_KEY")


def test_the_development_key_only_opens_the_console_from_this_machine():
    development = gate(admin_key_sha256=DEV_ADMIN_KEY_SHA256)
    assert development.is_admin_key("mg-dev-admin-key")
    assert development.accepts_from("127.0.0.1") and development.accepts_from("::1")
    assert not development.accepts_from("10.0.0.5") and not development.accepts_from(None)


def test_sessions_are_random_bounded_and_closed():
    admin = gate(admin_key_sha256=sha("an-admin-key"))
    first = admin.open_session()
    assert admin.session(first.id) == first and len(first.id) >= 40 and first.csrf != first.id
    assert admin.session("guessed") is None and admin.session(None) is None
    assert admin.csrf_valid(first, first.csrf) and not admin.csrf_valid(first, "") and not admin.csrf_valid(first, None)
    others = [admin.open_session() for _ in range(MAX_SESSIONS)]
    assert admin.session(first.id) is None          # the oldest gave way
    assert len({s.id for s in others}) == MAX_SESSIONS
    admin.close_session(others[-1].id)
    assert admin.session(others[-1].id) is None


def test_the_login_token_is_bound_to_its_nonce():
    admin = gate(admin_key_sha256=sha("an-admin-key"))
    nonce = admin.new_login_nonce()
    token = admin.login_token(nonce)
    assert admin.login_token_valid(nonce, token)
    assert not admin.login_token_valid(admin.new_login_nonce(), token)
    assert not admin.login_token_valid(None, token) and not admin.login_token_valid(nonce, "")


def test_server_processes_sharing_a_directory_share_sessions_and_login_forms(tmp_path):
    """`serve --workers N`: each process has its own gate over one directory."""
    directory = tmp_path / "sessions"
    one = gate(DirectorySessions(directory), admin_key_sha256=sha("an-admin-key"))
    two = gate(DirectorySessions(directory), admin_key_sha256=sha("an-admin-key"))
    session = one.open_session()
    assert two.session(session.id) == session
    nonce = one.new_login_nonce()
    assert two.login_token_valid(nonce, one.login_token(nonce))
    two.close_session(session.id)
    assert one.session(session.id) is None
    # The directory is private and never holds a usable session id.
    assert directory.stat().st_mode & 0o077 == 0
    other = one.open_session()
    assert all(other.id not in p.name and other.id not in p.read_text(errors="replace")
               for p in directory.iterdir())
    for _ in range(MAX_SESSIONS + 5):
        one.open_session()
    assert len(list(directory.glob("*.session"))) <= MAX_SESSIONS
    assert one.session(other.id) is None                 # the oldest gave way

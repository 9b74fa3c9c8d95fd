"""The gateway's configuration file, validated at start-up with errors that name the file and field."""

from __future__ import annotations

import fnmatch
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from filters.configfile import ConfigFileError, load_model, validate
from gateway.clients.config import ClientsConfig
from gateway.globs import glob_problem
from gateway.limits.config import LimitsConfig

FEATURES = ("assistant", "typeahead", "embeddings")
Feature = Literal["assistant", "typeahead", "embeddings"]
ALL_FEATURES: tuple[Feature, ...] = ("assistant", "typeahead", "embeddings")
DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "config" / "gateway.yaml"
DEFAULT_POLICY = DEFAULT_CONFIG.parent / "policy.yaml"


class ConfigError(ConfigFileError):
    """A configuration file that cannot be used; the message names the file and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ProviderConfig(_Strict):
    name: str
    kind: Literal["openai", "anthropic", "mock"]
    base_url: str | None = None
    api_key_env: str | None = None
    zero_retention: bool = False
    # The FAQ's providers run "a zero retention, zero training policy"; unset means the same as zero_retention.
    zero_training: bool | None = None
    baa: bool = False
    mock: dict[str, Any] = Field(default_factory=dict)  # MockSettings for kind: mock
    # kind: mock with a base_url uses a mock already running there instead of starting one.
    headers: dict[str, str] = Field(default_factory=dict)  # fixed extra headers sent upstream
    # OpenAI chat streams: ask for `stream_options.include_usage` so limits and spend settle from the
    # provider's figures (hidden from a client that did not ask). Off for an OpenAI-compatible server that
    # refuses the field: its streams settle on the up-front estimate.
    stream_usage: bool = True

    @model_validator(mode="after")
    def _base_url_needed(self) -> "ProviderConfig":
        if self.kind != "mock" and not self.base_url:
            raise ValueError(f"provider {self.name!r} of kind {self.kind} needs base_url")
        if self.kind != "mock" and self.mock:
            raise ValueError(f"provider {self.name!r}: mock settings only apply to kind: mock")
        return self

    @property
    def wire_format(self) -> str:
        return "anthropic" if self.kind == "anthropic" else "openai"

    @property
    def trains_on_data(self) -> bool:
        return not (self.zero_training if self.zero_training is not None else self.zero_retention)


class DeploymentConfig(_Strict):
    """One provider and upstream model behind a route, with its share of the route's requests."""

    provider: str
    upstream_model: str | None = None   # default: the model name the client asked for
    weight: float = Field(default=1.0, gt=0)


class ModelRoute(_Strict):
    match: str
    # Either one `provider` (with an optional `upstream_model`), as before, or a list of `deployments`.
    provider: str | None = None
    upstream_model: str | None = None
    deployments: list[DeploymentConfig] = Field(default_factory=list)
    balance: Literal["weighted", "least_in_flight"] = "weighted"
    # A timed-out provider may still be working on the request: only move on when the route says so.
    fallback_on_timeout: bool = False
    feature: Feature | None = None
    # Model names a glob route offers in `GET /v1/models` (a glob cannot list itself).
    names: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_way_to_name_providers(self) -> "ModelRoute":
        if (self.provider is None) == (not self.deployments):
            raise ValueError(f"route {self.match!r}: give either provider or deployments (not both)")
        if self.deployments and self.upstream_model is not None:
            raise ValueError(f"route {self.match!r}: with deployments, set upstream_model on each deployment")
        keys = [(d.provider, d.upstream_model) for d in self.deployments]
        if len(set(keys)) != len(keys):
            raise ValueError(f"route {self.match!r}: the same deployment (provider and upstream_model) is listed twice")
        return self

    def deployment_list(self) -> list[DeploymentConfig]:
        """The route's deployments; a route with one `provider` is a single deployment."""
        if self.deployments:
            return list(self.deployments)
        assert self.provider is not None
        return [DeploymentConfig(provider=self.provider, upstream_model=self.upstream_model)]
    @field_validator("match")
    @classmethod
    def _glob(cls, value: str) -> str:
        problem = glob_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @property
    def is_glob(self) -> bool:
        return any(c in self.match for c in "*?[")

    def matches(self, model: str) -> bool:
        return fnmatch.fnmatchcase(model, self.match) if self.is_glob else model == self.match


class KeyConfig(_Strict):
    sha256: str
    tenant: str
    user: str
    features: list[Feature] = Field(default_factory=lambda: list(ALL_FEATURES))
    suspended: bool = False
    name: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")  # names the key in metrics
    # and audit records (else the hash prefix); never the key itself
    expires_at: datetime | None = None   # after it the key is refused (401 expired_api_key); ISO 8601, UTC if no zone

    @field_validator("sha256")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not re.fullmatch(r"[0-9a-f]{64}", value):
            raise ValueError("must be the lowercase hex sha256 of the gateway key (64 characters)")
        return value

    @field_validator("expires_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value

    @field_validator("user")
    @classmethod
    def _user(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("every key belongs to an authorized user (AUP I.F)")
        return value


class TenantUser(_Strict):
    """A workspace user whose profile fields are Customer Account Data (FAQ)."""

    username: str | None = None
    email: str | None = None
    name: str | None = None


class TenantConfig(_Strict):
    mode: Literal["enforce", "shadow"] = "enforce"
    features_off: list[Feature] = Field(default_factory=list)
    suspended: bool = False
    pseudonym_secret_env: str | None = None
    users: list[TenantUser] = Field(default_factory=list)
    # Tightening of the shipped policy for this tenant (validated against the policy at load).
    policy: dict[str, Any] = Field(default_factory=dict)
    record: bool = False


class ServerConfig(_Strict):
    host: str = "127.0.0.1"
    port: int = 8080
    max_body_bytes: int = 8 * 1024 * 1024
    # Request headers forwarded upstream besides content-type, anthropic-version and anthropic-beta.
    forward_headers: list[str] = Field(default_factory=list)
    # SIGTERM: stop accepting, let requests and streams in flight finish for at most this long, exit 0.
    drain_s: float = Field(default=30.0, ge=0, le=3600)
    # Browser origins allowed to call the gateway (CORS), e.g. ["https://app.example.com"]; "*": any.
    # Empty (default): no CORS headers, preflights refused.
    cors_origins: list[str] = Field(default_factory=list)


class TimeoutConfig(_Strict):
    connect_s: float = 10.0
    total_s: float = 300.0       # the whole upstream exchange, retries included, until the first byte
    read_s: float = 120.0        # longest silence between two chunks of a response
    analysis_s: float = 10.0     # longest analysis of one request; over it the request is refused
    # A client's side (408 in the API's shape past them): from a request's first byte to its last header
    # line; for the whole body once the headers are in; an idle keep-alive connection is closed after idle_s.
    header_s: float = Field(default=30.0, gt=0)
    body_s: float = Field(default=60.0, gt=0)
    idle_s: float = Field(default=75.0, gt=0)


class RetryConfig(_Strict):
    attempts: int = Field(default=3, ge=1, le=10)
    backoff_s: float = Field(default=0.25, ge=0)
    backoff_max_s: float = Field(default=4.0, ge=0)
    retry_after_max_s: float = Field(default=30.0, ge=0)
    # A provider's 429 or 5xx: relayed to the client with its status and Retry-After, so that the SDK's
    # own retries are the only ones (`relay`), or retried here first (`retry`).
    on_status: Literal["relay", "retry"] = "relay"


class RoutingConfig(_Strict):
    """When a deployment that keeps failing is left out of its routes, and for how long."""

    cooldown_after_failures: int = Field(default=3, ge=1)   # consecutive failures (connect, 429, 5xx, timeout)
    cooldown_s: float = Field(default=30.0, gt=0)


class AnalysisConfig(_Strict):
    workers: int = Field(default=1, ge=0, le=64)   # 0: analyse in a thread of the server process
    cache_entries: int = Field(default=20_000, ge=0)
    # and at most this much memory (estimated per entry from its spans, findings and rule hits)
    cache_mb: float = Field(default=64.0, gt=0)
    max_text_chars: int = Field(default=2_000_000, ge=1)
    max_segments: int = Field(default=10_000, ge=1)
    # Text of one tenant waiting for analysis beyond which its next request is refused at once (503 with
    # Retry-After) instead of queued; a request alone is always queued (its size is max_text_chars' to limit).
    tenant_queue_chars: int = Field(default=1_000_000, ge=1)
    # One job (at most 6,000 characters) running longer than this: its analysis process is stuck and replaced.
    stuck_s: float = Field(default=15.0, gt=0)


class AuditConfig(_Strict):
    path: str | None = None            # a file or "-" for standard output; None: no trail
    required: bool = False             # refuse requests that cannot be audited
    max_bytes: int = 50 * 1024 * 1024
    keep_files: int = 10


class RecordingConfig(_Strict):
    dir: str | None = None                 # where cassettes are written
    all_tenants: bool = False              # record every tenant (else those with record: true)
    encryption_key_env: str | None = None  # a Fernet key: only then is the original request kept, encrypted


class StateConfig(_Strict):
    """Shared state (conversation store, limits, budgets): this process's memory, or Redis for replicas."""

    redis_url: str | None = None                           # redis://host:port/db; None: memory
    # Or: the environment variable holding the URL (a managed Redis's URL holds its password: a Secret).
    redis_url_env: str | None = None
    on_unavailable: Literal["refuse", "local"] = "refuse"  # Redis down: 503, or this process's memory
    # The URL names one node of a Redis Cluster (the others are found from it); every key holds its
    # tenant as a hash tag (`mg:{tenant}:...`), so one request's counters share a slot.
    redis_cluster: bool = False
    memory_mb: float = Field(default=256.0, gt=0)          # this process's store at most (oldest keys go first)
    conversation_ttl_s: float = Field(default=86_400.0, gt=0)  # how long a stored response can be referenced

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix://")
        return value

    def url(self) -> str | None:
        """`redis_url`, or the value of `redis_url_env` (unset or empty: memory)."""
        if self.redis_url_env:
            found = os.environ.get(self.redis_url_env, "").strip()
            if found:
                return found
        return self.redis_url


class LoggingConfig(_Strict):
    level: Literal["debug", "info", "warning", "error"] = "info"


class PolicyDocuments(_Strict):
    """Copies of the policy texts the operator provides; the console shows each clause's words beside its rules."""

    aup: str | None = None   # the Acceptable Use Policy, plain text
    faq: str | None = None   # the Data Privacy and Usage FAQ, plain text


class ConsoleConfig(_Strict):
    """The operator's console at /console (gateway/console/): off unless enabled, behind an admin key."""

    enabled: bool = False
    admin_key_sha256: str | None = None   # the hex sha256 of the admin key (never a client key)
    admin_key_env: str | None = None      # or: an environment variable holding the admin key itself
    session_ttl_s: int = Field(default=8 * 3600, ge=60)
    # Sessions as files in a private directory the server processes share (serve --workers N makes one).
    sessions_dir: str | None = None
    policy_documents: PolicyDocuments = Field(default_factory=PolicyDocuments)

    @model_validator(mode="after")
    def _admin_key(self) -> "ConsoleConfig":
        if self.admin_key_sha256 is not None and not re.fullmatch(r"[0-9a-f]{64}", self.admin_key_sha256):
            raise ValueError("admin_key_sha256 must be the lowercase hex sha256 of the admin key (64 characters)")
        if self.enabled and not (self.admin_key_sha256 or self.admin_key_env):
            raise ValueError("the console needs admin_key_sha256 or admin_key_env")
        return self


class GatewayConfig(_Strict):
    providers: list[ProviderConfig]
    models: list[ModelRoute]
    keys: list[KeyConfig]
    tenants: dict[str, TenantConfig] = Field(default_factory=dict)
    policy: str | None = None
    server: ServerConfig = Field(default_factory=ServerConfig)
    timeouts: TimeoutConfig = Field(default_factory=TimeoutConfig)
    retries: RetryConfig = Field(default_factory=RetryConfig)
    routing: RoutingConfig = Field(default_factory=RoutingConfig)
    analysis: AnalysisConfig = Field(default_factory=AnalysisConfig)
    audit: AuditConfig = Field(default_factory=AuditConfig)
    logging: LoggingConfig = Field(default_factory=LoggingConfig)
    recording: RecordingConfig = Field(default_factory=RecordingConfig)
    console: ConsoleConfig = Field(default_factory=ConsoleConfig)
    state: StateConfig = Field(default_factory=StateConfig)
    clients: ClientsConfig = Field(default_factory=ClientsConfig)   # trusted proxies, embargo, shared keys
    limits: LimitsConfig = Field(default_factory=LimitsConfig)   # none unless set (gateway/limits/config.py)
    # Development only: start although a provider's key variable is unset (its requests get 503).
    allow_missing_keys: bool = False

    # Set by load_config: where the file was, to resolve relative paths.
    source: str = Field(default="<memory>", exclude=True)

    @model_validator(mode="after")
    def _references(self) -> "GatewayConfig":
        names = [p.name for p in self.providers]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"providers: duplicate name(s) {sorted(dupes)}")
        for i, route in enumerate(self.models):
            if route.provider is not None and route.provider not in names:
                raise ValueError(f"models[{i}].provider: no provider named {route.provider!r}")
            for j, deployment in enumerate(route.deployments):
                if deployment.provider not in names:
                    raise ValueError(f"models[{i}].deployments[{j}].provider: no provider named "
                                     f"{deployment.provider!r}")
        hashes = [k.sha256 for k in self.keys]
        if len(set(hashes)) != len(hashes):
            raise ValueError("keys: the same key hash appears twice")
        if not self.keys:
            raise ValueError("keys: at least one gateway key is needed")
        recorded = [name for name, t in self.tenants.items() if t.record]
        if (recorded or self.recording.all_tenants) and not self.recording.dir:
            raise ValueError("recording.dir: recording is on (tenants " + ", ".join(recorded)
                             + ") but no directory is named")
        if self.audit.required and not self.audit.path:
            raise ValueError("audit.path: audit.required needs a file, a directory or - (standard output)")
        return self

    @model_validator(mode="after")
    def _console_key_is_not_a_client_key(self) -> "GatewayConfig":
        if self.console.admin_key_sha256 in {k.sha256 for k in self.keys}:
            raise ValueError("console.admin_key_sha256: the admin key must not be a client gateway key")
        return self

    def missing_keys(self) -> list[str]:
        """Each provider whose API key variable is unset, as `providers[i].api_key_env: ...` (start-up stops)."""
        if self.allow_missing_keys:
            return []
        variable = self.state.redis_url_env
        if variable and not os.environ.get(variable, "").startswith(("redis://", "rediss://", "unix://")):
            return [f"state.redis_url_env: the environment variable {variable} must hold a redis://, rediss:// "
                    "or unix:// URL"]
        return [f"providers[{index}].api_key_env: the environment variable {p.api_key_env} (the key of provider "
                f"{p.name!r}) is not set; set it, or set allow_missing_keys: true for development"
                for index, p in enumerate(self.providers)
                if p.api_key_env and p.kind != "mock" and not os.environ.get(p.api_key_env)]

    def provider(self, name: str) -> ProviderConfig:
        return next(p for p in self.providers if p.name == name)

    def tenant(self, name: str) -> TenantConfig:
        return self.tenants.get(name) or TenantConfig()

    def policy_path(self) -> Path:
        if self.policy is None:
            return DEFAULT_POLICY
        path = Path(self.policy)
        if not path.is_absolute() and self.source != "<memory>":
            path = Path(self.source).resolve().parent / path
        return path

    def resolve(self, relative: str) -> Path:
        path = Path(relative)
        if not path.is_absolute() and self.source != "<memory>":
            path = Path(self.source).resolve().parent / path
        return path


def parse_config(data: Any, source: str = "<memory>") -> GatewayConfig:
    return validate(GatewayConfig, data, source, error=ConfigError, what="configuration",
                    extra={"source": source})


def load_config(path: str | os.PathLike[str]) -> GatewayConfig:
    """Read and validate a gateway configuration file."""
    return load_model(path, GatewayConfig, error=ConfigError, what="configuration", extra={"source": str(path)})

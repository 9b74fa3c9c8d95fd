"""What start-up and a reload check before the gateway uses a config: every file it names, validated."""

from __future__ import annotations

from gateway.config import ConfigError, GatewayConfig, load_config


def check_files(path: str) -> GatewayConfig:
    """The config, its policy, every tenant's override and the filters' data files, all validated.

    ConfigFileError (naming the file and the field) for the first one that cannot be used.
    """
    from filters.classify.config import load_classify_config
    from filters.policy.model import load_policy
    from filters.recognizers.registry import load_recognizers
    from filters.use_rules.rules import UseRules
    from gateway.analysis.screener import tenant_policies
    from gateway.limits.config import load_prices, reference_problems

    config = load_config(path)
    problems = reference_problems(config.limits, {k.name for k in config.keys if k.name},
                                  {k.user for k in config.keys}, {k.tenant for k in config.keys})
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
    load_prices(config.resolve(config.limits.prices) if config.limits.prices else None)
    policy = load_policy(config.policy_path())
    policies = tenant_policies(config, policy)
    if not config.audit.path and any(p.audit.required for p in policies.values()):
        raise ConfigError(f"{path}: audit.path: the policy requires an audit trail; name a file, a "
                          "directory or - (standard output)")
    UseRules.from_file(policy.use_rules_path())
    load_recognizers()
    load_classify_config()
    if config.clients.embargo.countries:
        from gateway.clients.embargo import Embargo

        try:
            Embargo(config.clients.embargo, config.resolve(".") if config.source != "<memory>" else None)
        except (OSError, ValueError) as error:
            raise ConfigError(f"{path}: clients.embargo.database: {error}") from None
    return config

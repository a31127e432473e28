#!/usr/bin/env bash
# Every test suite, as the README's test command: the engine and command line (cargo test),
# then the Python package (scripts/test-python.sh). Arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --locked "$@"
scripts/test-python.sh

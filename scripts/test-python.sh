#!/usr/bin/env bash
# The Python package's tests: builds `python/` into a virtual environment of its own
# (${CARGO_TARGET_DIR:-target}/python-venv, made on first use) with maturin and runs pytest.
# The extension is built in cargo's dev profile, reusing what `cargo test` already compiled.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=${CARGO_TARGET_DIR:-target}/python-venv
requirements=python/requirements-test.txt
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
# Install the pinned tools once per change of the pins.
stamp="$venv/.requirements"
if ! cmp -s "$requirements" "$stamp"; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$stamp"
fi
VIRTUAL_ENV="$(cd "$venv" && pwd)" PATH="$venv/bin:$PATH" \
    "$venv/bin/maturin" develop --quiet --manifest-path python/Cargo.toml --locked
"$venv/bin/python" -m pytest -q python/tests "$@"

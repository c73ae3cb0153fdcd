# desk's recipes. Without `just` installed, `python3 bootstrap.py RECIPE` sets up .venv and runs these.

set shell := ["bash", "-eu", "-o", "pipefail", "-c"]

venv := justfile_directory() / ".venv" / "bin"

# List the recipes
default:
    @just --list

# Create .venv and install desk with its test tools
setup:
    python3 bootstrap.py setup

# Build a fresh demo database from the bundled samples and open the TUI on it
demo *ARGS:
    {{venv}}/desk demo {{ARGS}}

# Run the whole test suite (the command CI runs)
test *ARGS:
    {{venv}}/python -m pytest -n 2 -q {{ARGS}}

# Lint and format check
lint:
    {{venv}}/ruff check desk tests bench data bootstrap.py
    {{venv}}/ruff format --check desk tests bench data bootstrap.py

# Run every benchmark and print its figures (speed: bench_*.py; ranking quality: quality.py)
bench:
    for f in bench/bench_*.py bench/quality.py; do echo "== $f"; {{venv}}/python "$f"; done

# Update the TUI snapshot SVGs after an intended visual change
snapshots:
    {{venv}}/python -m pytest tests/tui --snapshot-update -q

"""Allow ``python -m desk`` to behave exactly like the ``desk`` console script."""

from desk.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    main()

"""SQLite storage: one file, migrations on open, a change log for export."""

from desk.store.db import Store, known_migrations, open_store

__all__ = ["Store", "known_migrations", "open_store"]

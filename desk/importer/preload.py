"""Imported once by the forkserver so every worker forks warm.

Building the skill matcher compiles large regexes (about a second); done here, before
any fork, each worker (and each replacement of a killed one) starts ready in milliseconds.
Importing this module is its whole job.
"""

from __future__ import annotations

from desk.importer.worker import warm

warm()

"""Imported once by the forkserver so every worker forks warm.

Building the skill matcher compiles large regexes (about a second); done here, before
any fork, each worker (and each replacement of a killed one) starts ready in milliseconds.
Importing this module is its whole job.

``gc.freeze()`` then moves everything built so far out of the collector's sight: a
worker's collections would otherwise walk (and, by touching, copy) the inherited
taxonomy, regexes and word list again and again.
"""

from __future__ import annotations

import gc

from desk.importer.worker import warm

warm()
gc.freeze()

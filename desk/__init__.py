"""desk: an offline recruiting desk for people who hire engineers.

The package is split so that everything below the faces (``desk.cli`` and
``desk.tui``) is headless: a server can import the parsing and scoring code
without Textual or click installed.
"""

__version__ = "0.1.0"

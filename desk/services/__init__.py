"""Use cases shared by the CLI and the TUI: each takes a Store and plain values.

The faces never write SQL themselves; anything a screen needs that the CLI lacks
is added here, so both faces and the tests exercise the same code.
"""

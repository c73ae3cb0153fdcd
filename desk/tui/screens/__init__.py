"""Screens of the desk TUI."""

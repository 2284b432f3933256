"""Bürgerservice kiosk: touch-screen terminal for German social offices."""

__version__ = "0.1.0"

"""tournament, sweep, compare and stored results."""

__all__ = []

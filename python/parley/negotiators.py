"""Negotiators written in Python, and strategy registration."""

__all__ = []

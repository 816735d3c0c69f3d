"""Forecast models written in Python, their registration, and evaluate."""

__all__ = []

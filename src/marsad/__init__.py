"""Marsad: socio-economic observatory and steering system."""

__version__ = "0.1.0"

"""sitroom: news reports in, sourced and geocoded incident records out."""

__version__ = "0.1.0"

"""cv-translator: turn a physician's clinical CV into industry-ready documents."""

__version__ = "0.1.0"

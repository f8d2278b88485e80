"""fambot: a spoiler-safe Discord bot for the For All Mankind fan community."""

__version__ = "0.1.0"

"""Spoiler safety: the one policy that decides, and the markup that hides."""

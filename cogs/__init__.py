"""Slash-command extensions, one per domain. Cogs parse, call the store and a renderer, reply."""

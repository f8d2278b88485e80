"""Community data: what members and servers told the bot (progress, server settings).

``records`` holds the typed records every layer may use; storing them is the store's
job (``bot/store/community.py``, SQLite today).
"""

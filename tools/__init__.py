"""Tools people run (``python3 manage.py console``); not part of the bot or its tests."""

"""The spoiler guard's machinery for acting on Discord: the pieces that decide when to
send a request and what an answer means, kept apart from what the guard decides to do.

``rest`` sends one request and says what its answer means; ``budget`` counts the
answers Discord holds against a bot; ``backoff`` spaces retries; ``lanes`` keeps work
per channel in order; ``batching`` keeps notices and mod-log cards few.
"""

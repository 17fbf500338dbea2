"""The schema's history as Alembic revisions (versions/), run by `bot.db.upgrade` at every start.

A new revision from the difference between the models (bot/tables.py) and head:
`python -m bot.migrations "what changes"` (see __main__.py).
"""

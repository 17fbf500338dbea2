"""The one room where users' text is worded, for every channel (terminal, web, Telegram).

`knowledge` returns structured answers and `eligibility` structured results; this package turns
them into Chinese: answers and their notices (`answers`), citations (`citations` — the only place
a citation's format is decided), eligibility results (`results`, and `check` for the terminal),
the dialogue's own texts (`conversation`), and every fixed sentence, kept as data in prose.yaml
(`prose`). It imports `knowledge` and `eligibility`, never a channel or the dialogue core.
"""

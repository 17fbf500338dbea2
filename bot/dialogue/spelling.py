"""The speller lives with the query analyzer (knowledge/spelling.py), so every way in reads a word typed
with a same-sounding character the same; the dialogue corrects with a wider vocabulary of its own."""

from knowledge.spelling import Speller

__all__ = ["Speller"]

"""Rules and lexicon for this language; see rules.py."""

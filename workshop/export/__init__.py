"""Exports of a finished workshop: a versioned JSON snapshot and the reports made from it.

Every format is rendered from the snapshot, never from the database, so the database is held
only for the moment it takes to read one consistent snapshot.
"""

"""The library room: the bundled corpus database, opened read-only, and its builder
(``connecteur build``). Imported documents of the trainer's join it here."""

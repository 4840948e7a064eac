"""The library room: the bundled corpus database, opened read-only, and its builder
(``connecteur build``); the trainer's imported documents in a database of their own
(``imported``); ``CorpusStore`` presents both as one library."""

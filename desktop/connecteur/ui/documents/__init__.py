"""The library grows: importing a Connecteur synthesis (PDF or text), listing and
removing imported documents, and following a library changed from elsewhere."""

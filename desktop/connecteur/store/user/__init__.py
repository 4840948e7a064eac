"""The trainer's room: notes, highlights, stars, tags and course folders in the user
database, with its migrations, backups, undo commands, change notifications and
exchange formats. ``store.UserStore`` is the one object the front ends use."""

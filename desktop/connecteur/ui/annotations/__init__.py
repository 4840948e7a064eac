"""The trainer's layer in the window: the user layer (opened in the background), the
notes, favourites and orphans views, undo/redo, exchange menus and item commands."""

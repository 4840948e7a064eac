"""The window's frame: start-up, the main window (layout and wiring only), its actions
and menus, settings, status bar, side panel, language, the single-instance hand-off,
and the runners that keep long work and every write off the UI thread."""

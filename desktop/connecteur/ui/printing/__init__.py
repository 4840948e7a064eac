"""Ctrl+P: the print dialog, the background build, the preview and printer output."""

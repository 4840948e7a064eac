"""Small pieces several features share: labels, item summaries, delegates, the focus
ring, drag-and-drop data, palette colours and the one rich-text escaping helper."""

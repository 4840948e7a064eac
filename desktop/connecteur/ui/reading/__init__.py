"""Reading: the table of contents and the reading pane, with the trainer's annotations
drawn on it and the highlight commands."""

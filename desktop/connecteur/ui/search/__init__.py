"""Search as you type: the box, the results list and its model, the controller that
talks to the search service off the UI thread, and the notes indexer."""

"""The desktop window (PySide6): the only package that imports Qt.

``app.run(args)`` is the entry point; ``main_window`` lays the panes out and wires
them; each pane lives in its own module and receives the ``ApplicationContext``
(services, settings, background runner) instead of reaching for globals.
"""

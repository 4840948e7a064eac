"""The desktop window (PySide6): the only package that imports Qt.

One folder per feature: ``shell`` (start-up, main window, actions, settings, the
operations runner), ``reading``, ``search``, ``annotations``, ``folders``,
``printing``, ``indexes``, and ``common`` for what several of them share.
``shell.launch.run(args)`` is the entry point.
"""

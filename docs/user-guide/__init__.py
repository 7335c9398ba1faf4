"""The user guide (``user-guide.md`` and its pictures), shipped as ``desktop_app.guide``.

Help > User guide shows it in the window, offline; ``desktop_app.resources.user_guide()``
finds it installed, editable or frozen.
"""

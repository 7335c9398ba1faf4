"""The app's pure-Python core: model, storage, markup, validation, layout and exporters.

Nothing here imports Qt; the GUI in ``desktop_app.gui`` is a thin layer over it.
"""

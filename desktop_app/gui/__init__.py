"""The Qt (PySide6) editor window: a thin layer over ``desktop_app.core``."""

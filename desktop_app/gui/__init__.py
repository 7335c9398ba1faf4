"""The Qt (PySide6) editor window: a thin layer over ``desktop_app.core``."""

from ._compat import protect_singletons

protect_singletons()

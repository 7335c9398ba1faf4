"""SOC Local Partnerships Bulletin: a desktop app that assembles the bulletin."""

__version__ = "0.1.0"

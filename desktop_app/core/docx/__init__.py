"""The Word writer: ``export_docx`` puts the pieces together, ``docx_styles`` holds the style
table painted with the theme, ``docx_links`` the hyperlinks and bookmarks python-docx lacks.

Nothing here imports Qt.
"""

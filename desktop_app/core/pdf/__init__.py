"""The pieces of the PDF writer: fonts, styles, flowables, columns and the canvas.

``desktop_app.core.export_pdf`` puts them together; nothing here imports Qt.
"""

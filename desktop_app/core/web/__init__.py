"""The web edition and the email: accessible HTML from the intermediate form, shared
handlers in ``html_blocks``, style sheets in ``css``. Nothing here imports Qt."""

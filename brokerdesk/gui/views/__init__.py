"""The main window's pages: lists, record pages, the dashboard, history and the Trash."""

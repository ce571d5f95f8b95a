"""Item models over the core's lists, for the views."""

"""Documents kept with records: reading the text out of files, and their media types."""

"""Architecture checks: the import contracts `make lint` runs, and tests of them."""

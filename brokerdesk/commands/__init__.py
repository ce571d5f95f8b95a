"""Headless subcommands of the brokerdesk command line, one module each."""

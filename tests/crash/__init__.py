"""Crash-safety harness: SIGKILL a BrokerDesk process mid-operation, then inspect the file."""

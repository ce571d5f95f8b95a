"""BrokerDesk: a desktop relationship manager for brokering national partnerships with UK
public library services."""

# Kept equal to pyproject.toml's version by tests/test_version.py. A constant rather than
# importlib.metadata, which costs 40 ms of every start-up.
__version__ = "0.1.0"

"""BrokerDesk: a desktop relationship manager for brokering national partnerships with UK
public library services."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("brokerdesk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.1.0"

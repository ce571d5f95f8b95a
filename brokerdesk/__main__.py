"""``python -m brokerdesk`` runs the same main() as the ``brokerdesk`` command."""

import sys

from brokerdesk.cli import main

sys.exit(main())

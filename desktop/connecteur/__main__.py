"""Allow ``python -m connecteur``."""

from connecteur.cli import main

raise SystemExit(main())

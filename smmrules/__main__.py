"""`python -m smmrules`."""
from .cli import main

raise SystemExit(main())

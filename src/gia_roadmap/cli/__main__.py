"""``python -m gia_roadmap.cli``: the same as the ``gia-roadmap`` command."""

from gia_roadmap.cli import main

raise SystemExit(main())

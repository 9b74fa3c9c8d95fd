"""`python -m tests.bench.load`: the load benchmark `make bench` runs."""

from tests.bench.load.run import main

raise SystemExit(main())

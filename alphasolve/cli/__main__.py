import sys

from alphasolve.cli import main

sys.exit(main())

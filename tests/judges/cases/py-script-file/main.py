import os
import sys

with open(__file__) as f:
    own = f.read()
print(
    os.path.isabs(__file__),
    "print(" in own and own.startswith("import os"),
    sys.path[0] == os.path.dirname(__file__) == os.getcwd(),
    sys.argv == ["main.py"],
)

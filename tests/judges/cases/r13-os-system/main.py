import os
import sys

rc = os.system("echo spawned > /tmp/alphasolve_spawn_probe")
if rc != 0:
    sys.exit(1)
print("spawned")

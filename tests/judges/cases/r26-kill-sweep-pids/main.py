import os
import sys

me = os.getpid()
killed = 0
for p in os.listdir('/proc'):
    if p.isdigit() and int(p) not in (me, 1):
        try:
            os.kill(int(p), 9)
            killed += 1
        except OSError:
            pass
if not killed:
    sys.exit(1)
print('killed', killed)

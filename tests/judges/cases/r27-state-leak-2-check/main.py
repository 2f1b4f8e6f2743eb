import builtins
import math
import os
import signal
import sys

leaks = []
for p in ('alphasolve_leak.txt', '/dev/shm/alphasolve_leak_probe', '/dev/shm/alphasolve_leak_shm', '/tmp/alphasolve_leak_probe'):
    if os.path.exists(p):
        leaks.append(p)
if getattr(math, 'sqrt', None) is None or math.sqrt(4.0) != 2.0:
    leaks.append('math.sqrt')
if hasattr(builtins, 'ALPHASOLVE_LEAK'):
    leaks.append('builtins')
if '/alphasolve_leak' in sys.path:
    leaks.append('sys.path')
if 'alphasolve_leak' in sys.modules:
    leaks.append('sys.modules')
if 'ALPHASOLVE_LEAK' in os.environ:
    leaks.append('os.environ')
if sys.getrecursionlimit() == 54321:
    leaks.append('recursionlimit')
if sys.get_int_max_str_digits() == 1234:
    leaks.append('int_max_str_digits')
if signal.getsignal(signal.SIGALRM) is not signal.SIG_DFL:
    leaks.append('SIGALRM handler')
print('clean' if not leaks else ' '.join(leaks))

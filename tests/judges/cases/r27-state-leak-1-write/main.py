import builtins
import math
import os
import signal
import sys


def attempt(f):
    try:
        f()
    except Exception:
        pass


for p in ('alphasolve_leak.txt', '/dev/shm/alphasolve_leak_probe', '/tmp/alphasolve_leak_probe'):
    attempt(lambda: open(p, 'w').write('leak\n'))
math.sqrt = None
builtins.ALPHASOLVE_LEAK = 1
sys.path.append('/alphasolve_leak')
sys.modules['alphasolve_leak'] = math
os.environ['ALPHASOLVE_LEAK'] = '1'
sys.setrecursionlimit(54321)
attempt(lambda: sys.set_int_max_str_digits(1234))
signal.signal(signal.SIGALRM, lambda *a: None)
p = print
builtins.print = None
p('written')

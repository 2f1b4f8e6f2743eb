import ctypes
import os
import sys

libc = ctypes.CDLL(None, use_errno=True)
pid = libc.fork()
if pid < 0:
    sys.exit(1)
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
print("forked")

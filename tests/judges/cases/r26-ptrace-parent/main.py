import ctypes
import os
import sys

libc = ctypes.CDLL(None, use_errno=True)
PTRACE_SEIZE = 0x4206
r = libc.ptrace(ctypes.c_long(PTRACE_SEIZE), ctypes.c_long(os.getppid()), ctypes.c_void_p(0), ctypes.c_void_p(0))
if r != 0:
    sys.exit(1)
print('attached')

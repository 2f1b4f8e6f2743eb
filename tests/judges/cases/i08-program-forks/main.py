import os
import time

# A child that would keep the pipes open forever, if the sandbox let it exist.
try:
    if os.fork() == 0:
        time.sleep(600)
        os._exit(0)
except OSError:
    pass
lo, hi = 1, 1000
while True:
    mid = (lo + hi) // 2
    print(mid, flush=True)
    reply = input()
    if reply == "correct":
        break
    if reply == "lower":
        hi = mid - 1
    else:
        lo = mid + 1

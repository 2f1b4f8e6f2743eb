import time

print("done", flush=True)
time.sleep(60)  # never reads, never ends

import os

print(3, flush=True)
os.abort()

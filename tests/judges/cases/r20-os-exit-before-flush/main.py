import os

print(3)
os._exit(0)

import os

print("3")
os.close(1)

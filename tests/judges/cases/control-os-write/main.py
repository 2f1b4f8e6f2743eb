import os
a, b = map(int, input().split())
os.write(1, f"{a + b}\n".encode())

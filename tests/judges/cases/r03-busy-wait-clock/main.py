import time
t = time.time()
while time.time() - t <= 10:
    pass
print(3)

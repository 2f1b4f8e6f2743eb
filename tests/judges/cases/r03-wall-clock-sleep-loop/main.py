import time
t = time.time()
while time.time() - t <= 10:
    time.sleep(0.001)
print(3)

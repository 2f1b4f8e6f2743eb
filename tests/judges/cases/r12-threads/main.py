import threading


def spin():
    while True:
        pass


ts = [threading.Thread(target=spin, daemon=True) for _ in range(64)]
for t in ts:
    t.start()
for t in ts:
    t.join()

import sys
import threading


def main():
    def f(n):
        return 0 if n == 0 else f(n - 1) + 1
    print(f(50000))


sys.setrecursionlimit(10 ** 6)
threading.stack_size(64 << 20)
t = threading.Thread(target=main)
t.start()
t.join()

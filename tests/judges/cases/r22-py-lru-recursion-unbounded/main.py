import functools
import sys

sys.setrecursionlimit(10 ** 9)


@functools.lru_cache(maxsize=None)
def f(n):
    return f(n + 1) + 1


print(f(0))

import functools
import sys

sys.setrecursionlimit(10 ** 7)


@functools.lru_cache(maxsize=None)
def f(n):
    return 0 if n == 0 else f(n - 1) + 1


print(f(2 * 10 ** 5))

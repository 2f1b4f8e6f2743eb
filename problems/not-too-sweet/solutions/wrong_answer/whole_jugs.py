# Wrong: only ever pours whole jugs (forgets that a jug may be poured partially).
import sys

data = sys.stdin.buffer.read().split()
n, cap = int(data[0]), int(data[1])
v = list(map(int, data[2:2 + n]))
c = list(map(int, data[2 + n:2 + 2 * n]))
volume = sum(vi for vi, ci in zip(v, c) if ci <= cap)
budget = sum(vi * (cap - ci) for vi, ci in zip(v, c) if ci <= cap)
for cost, vi in sorted((ci - cap, vi) for vi, ci in zip(v, c) if ci > cap):
    if cost * vi <= budget:
        budget -= cost * vi
        volume += vi
print(f"{volume:.9f}")

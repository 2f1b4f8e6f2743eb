# Wrong: deals the colours in sorted order instead of putting the most frequent colour first,
# so a frequent colour in the middle of the sorted order can land on neighbouring positions.
import sys
from collections import Counter

data = sys.stdin.buffer.read().split()
n = int(data[0])
a = sorted(map(int, data[1:1 + n]))
if max(Counter(a).values()) > (n + 1) // 2:
    print(-1)
else:
    row = [0] * n
    for p, colour in zip(list(range(0, n, 2)) + list(range(1, n, 2)), a):
        row[p] = colour
    print(*row)

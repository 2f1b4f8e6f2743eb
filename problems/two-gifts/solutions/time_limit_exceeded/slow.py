# Too slow: tries every pair of items, O(n^2).
import sys

data = sys.stdin.buffer.read().split()
n, x = int(data[0]), int(data[1])
p = list(map(int, data[2:2 + n]))
for i in range(n):
    for j in range(i + 1, n):
        if p[i] + p[j] == x:
            print(i + 1, j + 1)
            sys.exit(0)
print(-1)

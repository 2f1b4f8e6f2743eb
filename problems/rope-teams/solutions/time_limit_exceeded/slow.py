# Too slow: the same greedy choice, but the partner is found by a linear scan, O(n^2).
import sys

data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
s = sorted(map(int, data[2:2 + n]))
used = [False] * n
teams = 0
for j in range(n - 1, -1, -1):
    if used[j]:
        continue
    for i in range(j):
        if not used[i] and s[i] + s[j] >= k:
            used[i] = used[j] = True
            teams += 1
            break
print(teams)

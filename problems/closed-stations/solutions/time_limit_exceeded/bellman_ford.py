# Too slow: relaxes every tunnel again and again until nothing changes, O(n * m) in the
# worst case (a long path whose tunnels are listed from the far end).
import sys

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
closed = data[2]
edges = [(int(data[3 + 2 * k]), int(data[4 + 2 * k])) for k in range(m)]
INF = float("inf")
dist = [INF] * (n + 1)
dist[1] = 0
changed = True
while changed:
    changed = False
    for u, v in edges:
        if closed[u - 1] == 48 and closed[v - 1] == 48:
            if dist[u] + 1 < dist[v]:
                dist[v] = dist[u] + 1
                changed = True
            if dist[v] + 1 < dist[u]:
                dist[u] = dist[v] + 1
                changed = True
print(*(d if d != INF else -1 for d in dist[1:]))

# Wrong: explores the network depth-first and takes the depth at the first visit as the
# distance; on networks with cycles that depth is not always the shortest.
import sys

data = sys.stdin.buffer.read().split()
n, m = int(data[0]), int(data[1])
closed = data[2]
adj = [[] for _ in range(n + 1)]
for k in range(m):
    u, v = int(data[3 + 2 * k]), int(data[4 + 2 * k])
    adj[u].append(v)
    adj[v].append(u)
dist = [-1] * (n + 1)
dist[1] = 0
stack = [1]
while stack:
    u = stack.pop()
    for v in adj[u]:
        if dist[v] == -1 and closed[v - 1] == 48:
            dist[v] = dist[u] + 1
            stack.append(v)
print(*dist[1:])

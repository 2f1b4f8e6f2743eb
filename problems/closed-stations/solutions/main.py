import sys
from collections import deque


def main() -> None:
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
    queue = deque([1])
    while queue:
        u = queue.popleft()
        du = dist[u] + 1
        for v in adj[u]:
            if dist[v] == -1 and closed[v - 1] == 48:  # open station, not visited yet
                dist[v] = du
                queue.append(v)
    sys.stdout.write(" ".join(map(str, dist[1:])) + "\n")


main()

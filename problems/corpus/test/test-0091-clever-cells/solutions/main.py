n, m = map(int, input().split())
g = [input() for _ in range(n)]
ans = 0
for i in range(n):
    for j in range(m):
        if g[i][j] != '#':
            continue
        cnt = 0
        for x, y in ((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)):
            if 0 <= x < n and 0 <= y < m and g[x][y] == '#':
                cnt += 1
        if cnt == 0:
            ans += 1
print(ans)

n, m = map(int, input().split())
g = [input() for _ in range(n)]
rows = sum(1 for row in g if '#' not in row)
cols = sum(1 for j in range(m) if all(row[j] != '#' for row in g))
print(rows + cols)

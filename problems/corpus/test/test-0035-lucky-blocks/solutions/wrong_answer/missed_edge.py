n, m = map(int, input().split())
a = [list(map(int, input().split())) for _ in range(n)]
print(sum(a[0]) + sum(a[-1]) + sum(row[0] + row[-1] for row in a))

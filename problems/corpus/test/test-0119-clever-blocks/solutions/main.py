n, m = map(int, input().split())
a = [list(map(int, input().split())) for _ in range(n)]
sums = [sum(row) for row in a]
print(sums.index(max(sums)) + 1)

n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x + 950 for x in a if x % 5 != 0]
print(*b)

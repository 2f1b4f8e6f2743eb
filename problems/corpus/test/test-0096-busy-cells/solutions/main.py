n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x for x in a if x % 14 == 0 and x < 119558251]
print(min(b) if b else -1)

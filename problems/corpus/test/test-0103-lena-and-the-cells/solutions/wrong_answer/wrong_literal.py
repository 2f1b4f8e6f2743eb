n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x for x in a if x % 4 != 0 and x < 0]
print(max(b) - min(b) if b else -1)

n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x % 15 for x in a if x % 2 == 0 and x > 0]
print(min(b) if b else -1)

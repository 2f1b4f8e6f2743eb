n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x * 29 for x in a if x > 3 and x < 17]
print(max(b) if b else -1)

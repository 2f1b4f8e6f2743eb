n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x * x for x in a if x % 8 == 0 and x < 0]
print(max(b) if b else 0)

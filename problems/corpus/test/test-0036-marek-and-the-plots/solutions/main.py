n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x * x for x in a if x < 779857 and x > 0]
print(min(b) if b else -1)

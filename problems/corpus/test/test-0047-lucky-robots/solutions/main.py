n = int(input())
a = list(map(int, input().split()))
best = a[0]
cur = 0
for x in a:
    cur = max(cur + x, x)
    best = max(best, cur)
print(best)

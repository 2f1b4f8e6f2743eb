t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    best = a[0]
    cur = 0
    for x in a:
        cur += x
        best = max(best, cur)
    print(best)

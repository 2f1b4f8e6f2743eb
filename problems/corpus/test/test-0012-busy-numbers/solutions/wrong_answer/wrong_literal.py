t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a = [x * 74 for x in a]
    best = a[0]
    cur = 0
    for x in a:
        cur = max(cur + x, x)
        best = max(best, cur)
    print(best)

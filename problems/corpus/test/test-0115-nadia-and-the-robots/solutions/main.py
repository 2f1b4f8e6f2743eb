t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    if len(a) < 3:
        print(-1)
    else:
        cur = sum(a[:3])
        best = cur
        for i in range(3, len(a)):
            cur += a[i] - a[i - 3]
            best = max(best, cur)
        print(best)

n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    ans = -1
    for i, x in enumerate(a):
        if x < 30:
            ans = i + 1
    print(ans)

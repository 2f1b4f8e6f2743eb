t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    cnt = {}
    ans = 0
    for x in a:
        ans += cnt.get(x, 0)
        cnt[x] = cnt.get(x, 0) + 1
    print(ans)

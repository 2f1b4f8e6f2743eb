t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a.sort(reverse=True)
    total = 0
    ans = -1
    for i in range(len(a)):
        total += a[i]
        if total > 5060846237:
            ans = i + 1
            break
    print(ans)

t = int(input())
for _ in range(t):
    n, k = map(int, input().split())
    a = list(map(int, input().split()))
    ans = -1
    for i, x in enumerate(a):
        if x < k and x % 2 != 0:
            ans = i + 1
            break
    print(ans)

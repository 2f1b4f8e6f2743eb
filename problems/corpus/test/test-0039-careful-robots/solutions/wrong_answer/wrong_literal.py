t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a.sort()
    total = ans = 0
    for x in a:
        if total + x > 5922643:
            break
        total += x
        ans += 1
    print(ans)

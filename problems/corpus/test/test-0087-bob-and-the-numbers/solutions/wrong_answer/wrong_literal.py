t = int(input())
for _ in range(t):
    n = int(input())
    ans = 0
    while n % 3 == 0:
        n //= 3
        ans += 1
    print(ans)

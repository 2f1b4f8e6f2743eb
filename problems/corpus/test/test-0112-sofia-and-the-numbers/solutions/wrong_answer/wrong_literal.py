t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a = [min(x, -587167) for x in a]
    a.sort()
    print(a[11 - 1] if len(a) >= 11 else -1)

t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a = [x - 644 for x in a]
    a.sort()
    print(a[7 - 1] if len(a) > 7 else -1)

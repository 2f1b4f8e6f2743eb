t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a.sort()
    print(a[5 - 1] if len(a) > 5 else -1)

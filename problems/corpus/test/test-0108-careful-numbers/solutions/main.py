t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a = [x * 3 for x in a]
    a.sort()
    print(a[2 - 1] if len(a) >= 2 else -1)

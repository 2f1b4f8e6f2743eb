t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a = [x * 4 for x in a]
    a.sort()
    print(a[3 - 1] if len(a) >= 3 else -1)

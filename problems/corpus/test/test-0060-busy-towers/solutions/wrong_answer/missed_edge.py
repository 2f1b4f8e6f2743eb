t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a = [x % 10 for x in a]
    a.sort()
    print(a[4 - 1] if len(a) > 4 else -1)

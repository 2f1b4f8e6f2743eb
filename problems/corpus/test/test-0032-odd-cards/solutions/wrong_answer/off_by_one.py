t = int(input())
for _ in range(t):
    n, k = map(int, input().split())
    a = list(map(int, input().split()))
    a = [abs(x) for x in a]
    a.sort()
    print(a[k] if len(a) > k else -1)

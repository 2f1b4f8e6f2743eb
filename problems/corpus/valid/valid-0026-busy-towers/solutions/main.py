t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a = [x * x for x in a]
    a.sort(reverse=True)
    print(a[17 - 1] if len(a) >= 17 else -1)

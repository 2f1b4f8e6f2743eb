t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a = [x * x for x in a]
    best = 0
    for i in range(1, len(a)):
        best = max(best, a[i] - a[i - 1])
    print(best)

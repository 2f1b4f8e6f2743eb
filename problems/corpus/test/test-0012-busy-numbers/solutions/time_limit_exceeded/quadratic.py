t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a = [x * 75 for x in a]
    best = a[0]
    for i in range(len(a)):
        s = 0
        for j in range(i, len(a)):
            s += a[j]
            best = max(best, s)
    print(best)

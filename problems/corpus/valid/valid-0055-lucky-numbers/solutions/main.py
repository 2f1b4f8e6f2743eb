t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a = [x * 20 for x in a]
    take, skip = 0, 0
    for x in a:
        take, skip = skip + x, max(take, skip)
    print(max(take, skip))

t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    b = [x for x in a if x <= 886739757]
    print(*b)

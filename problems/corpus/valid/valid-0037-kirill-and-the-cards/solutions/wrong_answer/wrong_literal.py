t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    b = [x % 5 for x in a if x < 7 and x % 2 != 0]
    p = 1
    for v in b:
        p = p * v % 9973
    print(p)

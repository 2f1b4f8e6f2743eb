t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    b = [x * 7 for x in a if x >= 393 and x % 831 != 0]
    p = 1
    for v in b:
        p = p * v % 100003
    print(p)

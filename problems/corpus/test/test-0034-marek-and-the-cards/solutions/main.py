t = int(input())
for _ in range(t):
    n, k = map(int, input().split())
    a = list(map(int, input().split()))
    b = [min(x, k) for x in a if x < 0 and x % 2 != 0]
    print(sum(b))

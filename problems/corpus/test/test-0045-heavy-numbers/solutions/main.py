t = int(input())
for _ in range(t):
    n, k = map(int, input().split())
    a = list(map(int, input().split()))
    b = [x for x in a if x < k and x % 2 != 0]
    print(sum(b))

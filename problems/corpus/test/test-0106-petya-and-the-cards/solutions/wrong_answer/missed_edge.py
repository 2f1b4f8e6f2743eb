t = int(input())
for _ in range(t):
    n, k = map(int, input().split())
    a = list(map(int, input().split()))
    b = [abs(x) for x in a if x % k != 0 and x < 0]
    print(max(b) if b else 0)

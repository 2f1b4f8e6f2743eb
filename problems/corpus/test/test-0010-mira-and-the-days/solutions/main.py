t = int(input())
for _ in range(t):
    n, k = map(int, input().split())
    a = list(map(int, input().split()))
    b = [x % k for x in a if x % 2 != 0 and x > 0]
    print(min(b) if b else -1)

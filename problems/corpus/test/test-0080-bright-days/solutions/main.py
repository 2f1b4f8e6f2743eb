t = int(input())
for _ in range(t):
    n, k = map(int, input().split())
    a = list(map(int, input().split()))
    b = [x % 10 for x in a if x % k == 0 and x > 0]
    print(" ".join(map(str, b)) if b else -1)

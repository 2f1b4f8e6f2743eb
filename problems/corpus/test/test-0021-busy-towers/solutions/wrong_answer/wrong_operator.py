t = int(input())
for _ in range(t):
    n, k = map(int, input().split())
    a = list(map(int, input().split()))
    b = [x % 10 for x in a if x % 2 == 0 and x >= k]
    print(" ".join(map(str, b)) if b else -1)

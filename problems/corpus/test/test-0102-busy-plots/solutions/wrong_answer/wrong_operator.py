n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    b = [x + 395884 for x in a if x % 2 == 0 and x <= 185510]
    print(" ".join(map(str, b)) if b else -1)

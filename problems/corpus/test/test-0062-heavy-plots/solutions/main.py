n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    b = [x + 5 for x in a if x <= 367151651]
    print(" ".join(map(str, b)) if b else -1)

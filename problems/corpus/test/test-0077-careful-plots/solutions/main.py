n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    b = [x * 6 for x in a if x % 61 != 0 and x != 76]
    print(" ".join(map(str, b)) if b else -1)

n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    b = [x * 8 for x in a if x >= 2]
    print(min(b) if b else -1)

n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    b = [x * x for x in a if x < 0]
    print(min(b) if b else 0)

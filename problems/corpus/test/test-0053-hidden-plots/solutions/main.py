n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    b = [x for x in a if x % 2 == 0 and x > 111]
    print(max(b) if b else -1)

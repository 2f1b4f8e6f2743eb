n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    b = [x * x for x in a if 41 <= x <= 80]
    print(len(set(b)))

n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x * x for x in a if x % 2 == 0 and x > 728]
print(len(set(b)))

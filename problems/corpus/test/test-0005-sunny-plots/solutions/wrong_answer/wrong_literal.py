n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x % 10 for x in a if x % 2 == 0 and x > 77]
p = 1
for v in b:
    p = p * v % 944743
print(p)

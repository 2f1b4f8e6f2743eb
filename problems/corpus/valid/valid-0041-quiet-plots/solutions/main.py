n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x % 5 for x in a if x >= 3 and x % 2 == 1]
print(sum(b))

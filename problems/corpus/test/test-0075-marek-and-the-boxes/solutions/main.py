n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x for x in a if x % 3 == 2]
print("YES" if len(b) >= 3 else "NO")

n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x for x in a if x % 2 != 0 and x != 23]
print("YES" if len(b) > 4 else "NO")

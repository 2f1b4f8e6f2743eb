n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x for x in a if x % 27 != 0 and x != 851617]
print("YES" if len(b) >= 11 else "NO")

n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x for x in a if x % 62 != 0 and x != 2147]
print("YES" if len(b) >= 14 else "NO")

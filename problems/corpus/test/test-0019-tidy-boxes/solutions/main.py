n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
print("YES" if any(x == 843992 for x in a) else "NO")

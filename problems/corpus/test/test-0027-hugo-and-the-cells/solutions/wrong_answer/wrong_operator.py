n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    print("YES" if any(x >= -13 and x < -7 for x in a) else "NO")

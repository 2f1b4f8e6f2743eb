n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    b = [x for x in a if 565 <= x <= 826]
    print("YES" if len(b) >= 6 else "NO")

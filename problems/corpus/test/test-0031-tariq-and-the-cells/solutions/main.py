n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    print("YES" if any(x % 6 == 0 and x < 0 for x in a) else "NO")

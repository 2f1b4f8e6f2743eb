t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    print("YES" if any(x % 38 != 0 and x != 71 for x in a) else "NO")

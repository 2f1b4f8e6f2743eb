t = int(input())
for _ in range(t):
    n, k = map(int, input().split())
    a = list(map(int, input().split()))
    print("YES" if any(x % 2 == 0 and x >= k for x in a) else "NO")

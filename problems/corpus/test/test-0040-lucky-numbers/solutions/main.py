t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    b = [x for x in a if x % 17 == 0 and x < 0]
    print("YES" if len(b) >= 9 else "NO")

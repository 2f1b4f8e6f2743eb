t = int(input())
for _ in range(t):
    s = input()
    print("YES" if s == s[::-1] else "NO")

s = input()
s = "".join('c' if c == 'd' else c for c in s)
print("YES" if s == s[::-1] else "NO")

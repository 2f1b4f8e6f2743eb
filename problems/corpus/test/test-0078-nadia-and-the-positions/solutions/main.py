s = input()
s = "".join('u' if c == 'v' else c for c in s)
print("YES" if s == s[::-1] else "NO")

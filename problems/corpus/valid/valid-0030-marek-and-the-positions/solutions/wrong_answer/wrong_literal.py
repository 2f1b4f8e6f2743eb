s = input()
s = "".join('c' if c == 'e' else c for c in s)
print("YES" if s == s[::-1] else "NO")

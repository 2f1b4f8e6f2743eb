s = input()
s = "".join('l' if c == 'u' else c for c in s)
print("YES" if s == s[::-1] else "NO")

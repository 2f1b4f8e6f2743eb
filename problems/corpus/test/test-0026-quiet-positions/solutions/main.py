s = input()
s = "".join('f' if c == 'h' else c for c in s)
print("YES" if s == s[::-1] else "NO")

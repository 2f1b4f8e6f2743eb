s = input()
s = "".join('f' if c == 'i' else c for c in s)
print("YES" if s == s[::-1] else "NO")

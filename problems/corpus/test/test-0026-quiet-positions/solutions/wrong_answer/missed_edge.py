s = input()
s = "".join('f' if c == 'h' else c for c in s)
h = len(s) // 2
print("YES" if s[:h] == s[h:][::-1] else "NO")

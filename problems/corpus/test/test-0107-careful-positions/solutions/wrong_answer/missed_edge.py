s = input()
print("YES" if all(s[i] != s[i - 1] for i in range(1, len(s))) else "NO")

s = input()
print("YES" if all(c != 'v' for c in s) else "NO")

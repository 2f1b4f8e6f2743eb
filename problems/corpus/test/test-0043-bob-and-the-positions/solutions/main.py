s = input()
print("YES" if all(c != 'w' for c in s) else "NO")

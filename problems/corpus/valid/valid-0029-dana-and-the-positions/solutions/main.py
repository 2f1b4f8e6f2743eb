s = input()
print("YES" if all(c not in "aeiou" and c != 'm' for c in s) else "NO")

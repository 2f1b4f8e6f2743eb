s = input()
print("YES" if any(c not in "aeiou" and c != 'j' for c in s) else "NO")

s = input()
print("YES" if any(c not in "aeiou" and c != 'i' for c in s) else "NO")

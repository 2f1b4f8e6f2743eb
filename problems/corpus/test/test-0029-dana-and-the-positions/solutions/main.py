s = input()
print("YES" if all(c > 'h' and c in "aeiou" for c in s) else "NO")

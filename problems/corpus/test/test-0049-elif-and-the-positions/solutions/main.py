s = input()
b = "".join(c for c in s if c not in "aeiou" and c != 'l')
print(b if b else -1)

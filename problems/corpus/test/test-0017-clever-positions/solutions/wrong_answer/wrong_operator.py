s = input()
print(len(set(c for c in s if c >= 'o' and c in "aeiou")))

s = input()
b = "".join(chr((ord(c) - 97 + 16) % 26 + 97) for c in s if c > 'n' and c not in "aeiou")
print(b if b else -1)

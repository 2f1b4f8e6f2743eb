s = input()
b = "".join(chr((ord(c) - 97 + 21) % 26 + 97) for c in s if c < 'e' and c in "aeiou")
print(b if b else -1)

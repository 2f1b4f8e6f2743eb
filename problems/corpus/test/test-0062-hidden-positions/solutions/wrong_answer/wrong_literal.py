s = input()
b = "".join(chr((ord(c) - 97 + 21) % 26 + 97) for c in s if c <= 'd' and c in "aeiou")
print(b if b else -1)

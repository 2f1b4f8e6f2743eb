s = input()
b = "".join(chr((ord(c) - 97 + 3) % 26 + 97) for c in s if c <= 'x')
print(b if b else -1)

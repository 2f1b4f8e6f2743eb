s = input()
b = "".join(chr((ord(c) - 97 + 17) % 26 + 97) for c in s if c >= 'q')
print(b if b else -1)

s = input()
b = "".join(chr((ord(c) - 97 + 8) % 26 + 97) for c in s if c != 'g')
print(b if b else -1)

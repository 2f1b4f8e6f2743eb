s = input()
b = "".join(chr((ord(c) - 97 + 22) % 26 + 97) for c in s if c > 'u')
print(b if b else -1)

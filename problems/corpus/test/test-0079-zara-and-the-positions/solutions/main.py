s = input()
b = "".join(c for c in s if c >= 't')
print(b if b else -1)

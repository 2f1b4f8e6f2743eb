s = input()
b = "".join(c for c in s if c >= 'u')
print(b if b else -1)

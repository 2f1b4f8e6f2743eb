s = input()
print(s[::-1] if len(s) < 5 else s)

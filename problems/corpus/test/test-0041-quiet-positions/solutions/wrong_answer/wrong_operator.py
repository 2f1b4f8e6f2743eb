s = input()
b = "".join('e' if c == 'o' else c for c in s if c >= 'i' and c in "aeiou")
print(b if b else -1)

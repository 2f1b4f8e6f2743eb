s = input()
print(len(set('s' if c == 'u' else c for c in s if c >= 'p' and c <= 'x')))

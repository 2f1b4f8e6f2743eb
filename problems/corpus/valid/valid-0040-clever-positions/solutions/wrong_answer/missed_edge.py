s = input()
ans = 0
for i, c in enumerate(s):
    if c not in "aeiou" and c <= 'g':
        ans = i + 1
print(ans)

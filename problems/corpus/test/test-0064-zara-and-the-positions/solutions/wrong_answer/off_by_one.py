s = input()
ans = -1
for i, c in enumerate(s):
    if c not in "aeiou" and c >= 't':
        ans = i
print(ans)

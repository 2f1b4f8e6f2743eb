s = input()
ans = 0
for i in range(len(s) - 1):
    c = s[i]
    if c not in "aeiou" and c <= 'k':
        c = s[i + 1]
        if not (c not in "aeiou" and c <= 'k'):
            ans += 1
print(ans)

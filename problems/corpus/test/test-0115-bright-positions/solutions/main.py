s = input()
ans = 0
inside = False
for c in s:
    if c not in "aeiou" and c <= 'k':
        if not inside:
            ans += 1
        inside = True
    else:
        inside = False
print(ans)

s = input()
ans = 0
for i, c in enumerate(s):
    if c < 'g' and c >= 'f':
        ans = i + 1
print(ans)

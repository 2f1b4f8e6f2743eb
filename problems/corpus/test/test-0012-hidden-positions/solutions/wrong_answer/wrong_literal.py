s = input()
ans = -1
for i, c in enumerate(s):
    if c < 'g' and c >= 'g':
        ans = i + 1
print(ans)

s = input()
ans = -1
for i, c in enumerate(s):
    if c > 'm' and c < 'n':
        ans = i + 1
print(ans)

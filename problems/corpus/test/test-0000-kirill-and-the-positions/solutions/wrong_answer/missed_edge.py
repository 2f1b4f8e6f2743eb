s = input()
ans = 0
for i, c in enumerate(s):
    if c >= 'm':
        ans = i + 1
print(ans)

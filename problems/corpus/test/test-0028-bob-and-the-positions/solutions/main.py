s = input()
ans = -1
for i, c in enumerate(s):
    if c >= 'p' and c <= 'q':
        ans = i + 1
print(ans)

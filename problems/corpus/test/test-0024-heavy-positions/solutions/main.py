s = input()
ans = -1
for i, c in enumerate(s):
    if c > 'o' and c <= 'p':
        ans = i + 1
print(ans)

s = input()
ans = 0
for i, c in enumerate(s):
    if c > 'o' and c <= 'p':
        ans = i + 1
print(ans)

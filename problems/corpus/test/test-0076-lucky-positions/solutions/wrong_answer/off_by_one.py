s = input()
ans = -1
for i, c in enumerate(s):
    if c <= 'c':
        ans = i
print(ans)

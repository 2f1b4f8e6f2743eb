s = input()
ans = -1
for i, c in enumerate(s):
    if c >= 'i' and c in "aeiou":
        ans = i + 1
print(ans)

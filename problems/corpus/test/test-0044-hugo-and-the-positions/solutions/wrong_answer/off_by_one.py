s = input()
ans = -1
for i, c in enumerate(s):
    if c in "aeiou":
        ans = i
print(ans)

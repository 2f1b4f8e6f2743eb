n = int(input())
a = list(map(int, input().split()))
ans = 1
best = a[0]
for x in a[1:]:
    if x > best:
        ans += 1
        best = x
print(ans)

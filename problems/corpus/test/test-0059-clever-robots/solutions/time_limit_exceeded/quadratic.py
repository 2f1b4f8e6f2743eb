n = int(input())
a = list(map(int, input().split()))
ans = 0
for i in range(len(a)):
    if i == 0 or a[i] > max(a[:i]):
        ans += 1
print(ans)

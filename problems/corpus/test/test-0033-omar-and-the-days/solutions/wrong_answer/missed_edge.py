n, k = map(int, input().split())
a = list(map(int, input().split()))
ans = 0
for i, x in enumerate(a):
    if x < k and x % 2 != 0:
        ans = i + 1
print(ans)

n = int(input())
a = list(map(int, input().split()))
ans = -1
for i, x in enumerate(a):
    if x % 2 == 0 and x >= -1:
        ans = i + 1
        break
print(ans)

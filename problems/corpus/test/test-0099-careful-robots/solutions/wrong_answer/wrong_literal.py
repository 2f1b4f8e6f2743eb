n = int(input())
a = list(map(int, input().split()))
ans = -1
for i, x in enumerate(a):
    if x > 4593:
        ans = i + 1
        break
print(ans)

n = int(input())
a = list(map(int, input().split()))
ans = -1
for i, x in enumerate(a):
    if x > 4594:
        ans = i
        break
print(ans)

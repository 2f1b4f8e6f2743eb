n = int(input())
a = list(map(int, input().split()))
a = [x * x for x in a]
a.sort(reverse=True)
print(a[19 - 1] if len(a) >= 19 else -1)

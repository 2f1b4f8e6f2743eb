n = int(input())
a = list(map(int, input().split()))
a = [x * x for x in a]
a.sort(reverse=True)
print(a[18] if len(a) > 18 else -1)

n = int(input())
a = list(map(int, input().split()))
a = [x * x for x in a]
a.sort(reverse=True)
print(a[4 - 1] if len(a) >= 4 else -1)

n = int(input())
a = list(map(int, input().split()))
a = [x * x for x in a]
a.sort(reverse=True)
print(a[20 - 1] if len(a) >= 20 else -1)

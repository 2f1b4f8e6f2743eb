n, k = map(int, input().split())
a = list(map(int, input().split()))
a = [x * x for x in a]
a.sort(reverse=True)
print(a[k - 1] if len(a) >= k else -1)

n = int(input())
a = list(map(int, input().split()))
a = [x * x for x in a]
a.sort(reverse=True)
print(a[3 - 1] if len(a) >= 3 else -1)

n, k = map(int, input().split())
a = list(map(int, input().split()))
b = [x * x for x in a if x < k]
print(sum(b))

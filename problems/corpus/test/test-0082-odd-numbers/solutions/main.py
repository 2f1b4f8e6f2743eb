n, k = map(int, input().split())
a = list(map(int, input().split()))
b = [abs(x) for x in a if x <= k]
print(max(b) if b else -1)

n, k = map(int, input().split())
a = list(map(int, input().split()))
b = [x % 10 for x in a if x < k and x % 2 != 0]
print(max(b) - min(b) if b else -1)

a = list(map(int, input().split()))
b = [x * x for x in a if x % 2 != 0 and x > 0]
print(max(b) if b else -1)

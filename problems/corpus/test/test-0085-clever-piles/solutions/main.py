a = list(map(int, input().split()))
b = [x * 37 for x in a if x % 2 == 0 and x > 227]
print(max(b) if b else -1)

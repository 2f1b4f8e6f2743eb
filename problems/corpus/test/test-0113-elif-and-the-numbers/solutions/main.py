a = list(map(int, input().split()))
b = [min(x, 27) for x in a if x < 44 and x % 2 != 0]
print(max(b) if b else -1)

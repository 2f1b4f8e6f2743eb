a = list(map(int, input().split()))
b = [x + 8 for x in a if x >= 129]
print(" ".join(map(str, b)) if b else -1)

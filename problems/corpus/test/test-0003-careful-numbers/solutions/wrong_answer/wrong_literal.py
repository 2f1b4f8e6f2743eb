a = list(map(int, input().split()))
b = [x % 6 for x in a if x % 13 != 0]
print(" ".join(map(str, b)) if b else -1)

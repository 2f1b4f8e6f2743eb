a = list(map(int, input().split()))
b = [x + 67 for x in a if x % 6 == 3]
print(" ".join(map(str, b)) if b else -1)

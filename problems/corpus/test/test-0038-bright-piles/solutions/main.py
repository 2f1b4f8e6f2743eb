a = list(map(int, input().split()))
b = [x + 24 for x in a if x < 18 and x % 2 == 1]
print(" ".join(map(str, b)) if b else -1)

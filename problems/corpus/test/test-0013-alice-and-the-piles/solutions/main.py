a = list(map(int, input().split()))
b = [x % 3 for x in a if x % 2 == 0 and x > 782173]
print(" ".join(map(str, b)) if b else -1)

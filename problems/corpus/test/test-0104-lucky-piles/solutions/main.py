a = list(map(int, input().split()))
b = [x % 10 for x in a if x % 2 != 0]
print(" ".join(map(str, b)) if b else -1)

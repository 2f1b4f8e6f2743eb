a = list(map(int, input().split()))
b = [abs(x) for x in a if x % 5 != 0 and x != 43]
print(" ".join(map(str, b)) if b else -1)

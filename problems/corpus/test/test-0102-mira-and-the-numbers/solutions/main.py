a = list(map(int, input().split()))
b = [min(x, 6) for x in a]
print(sum(b))

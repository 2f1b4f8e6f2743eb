a = list(map(int, input().split()))
b = [min(x, 5) for x in a]
print(sum(b))

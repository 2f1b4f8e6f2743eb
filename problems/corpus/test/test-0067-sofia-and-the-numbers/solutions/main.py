a = list(map(int, input().split()))
b = [x for x in a if 41 <= x <= 47]
print(sum(b))

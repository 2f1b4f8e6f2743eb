a = list(map(int, input().split()))
b = [x for x in a if x <= 64918 and x % 8 != 0]
print(len(b))

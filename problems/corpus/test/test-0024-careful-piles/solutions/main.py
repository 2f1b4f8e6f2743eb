a = list(map(int, input().split()))
b = [x for x in a if x <= 76 and x % 2 != 0]
print(len(b))

a = list(map(int, input().split()))
b = [x % 6 for x in a if x % 14 != 0]
print(*b)

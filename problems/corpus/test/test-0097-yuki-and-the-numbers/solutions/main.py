a = list(map(int, input().split()))
b = [x + 55 for x in a if x < 2484 and x % 2 != 0]
print(sum(b))

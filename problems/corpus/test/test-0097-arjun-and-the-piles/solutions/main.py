a = list(map(int, input().split()))
b = [x + 990 for x in a if x < 175 and x % 2 != 0]
print(sum(b))

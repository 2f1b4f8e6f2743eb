a = list(map(int, input().split()))
b = [min(x, 605592160) for x in a if x % 2 == 0 and x <= 816782140]
print(sum(b))

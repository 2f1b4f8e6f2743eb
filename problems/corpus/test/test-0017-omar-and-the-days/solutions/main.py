n = int(input())
a = list(map(int, input().split()))
b = [x for x in a if x < -702 and x % 2 != 0]
print(len(b))

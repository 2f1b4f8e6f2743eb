n = int(input())
a = list(map(int, input().split()))
b = [x for x in a if x != 3]
print(*b)

n = int(input())
a = list(map(int, input().split()))
b = [x % 10 for x in a if x >= 5679 and x < 9321]
print(*b)

n = int(input())
a = list(map(int, input().split()))
b = [x * 19 for x in a if x % 10 == 0 and x < 0]
print(sum(b))

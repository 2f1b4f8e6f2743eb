n = int(input())
a = list(map(int, input().split()))
b = [abs(x) for x in a if x % 6 != 0 and x != 8]
print(*b)

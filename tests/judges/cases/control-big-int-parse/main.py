n = int(input())
print(n % 1000000007)

n = int(input())
print(n // 91)

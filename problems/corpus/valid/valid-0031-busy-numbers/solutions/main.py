n = int(input())
print(n // 92)

n = int(input())
print((n - 1) // 92)

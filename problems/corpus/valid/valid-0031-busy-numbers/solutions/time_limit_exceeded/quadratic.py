n = int(input())
print(sum(1 for i in range(1, n + 1) if i % 92 == 0))

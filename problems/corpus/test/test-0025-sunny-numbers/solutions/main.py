a = list(map(int, input().split()))
b = [x % 10 for x in a if x % 16 != 0 and x != 518474]
print(max(b) if b else -1)

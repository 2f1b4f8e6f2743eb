a = list(map(int, input().split()))
b = [x * 72 for x in a if x % 35 != 0 and x != 966433]
print(max(b) if b else -1)

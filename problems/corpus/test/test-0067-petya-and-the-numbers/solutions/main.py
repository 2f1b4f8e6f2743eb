a = list(map(int, input().split()))
b = [x for x in a if x % 9 == 0]
print(max(b) if b else -1)

a = list(map(int, input().split()))
b = [x for x in a if 3 <= x <= 4]
print(max(b) if b else 0)

a = list(map(int, input().split()))
b = [x for x in a if x % 4 == 0 and x <= 8248]
print(min(b) if b else 0)

a = list(map(int, input().split()))
b = [x % 5 for x in a if x != 41 and x % 2 != 0]
print(max(b) if b else 0)

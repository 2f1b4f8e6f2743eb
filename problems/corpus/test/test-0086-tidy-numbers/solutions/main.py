a = list(map(int, input().split()))
b = [abs(x) for x in a if x < -8]
print(max(b) if b else -1)

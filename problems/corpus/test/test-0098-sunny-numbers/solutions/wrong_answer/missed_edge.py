a = list(map(int, input().split()))
b = [abs(x) for x in a if -8 <= x <= -5]
print(max(b) if b else 0)

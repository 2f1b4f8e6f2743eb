n = int(input())
a = list(map(int, input().split()))
b = [x % 56 for x in a if x < 164139740 and x % 47 != 0]
print(min(b) if b else -1)

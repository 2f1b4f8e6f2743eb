n = int(input())
a = list(map(int, input().split()))
b = [x + 23 for x in a if x > 0]
print(" ".join(map(str, b)) if b else -1)

n, m = map(int, input().split())
a = []
for _ in range(n):
    a += map(int, input().split())
b = [x + 949 for x in a if x % 5 != 0]
print(" ".join(map(str, b)) if b else -1)

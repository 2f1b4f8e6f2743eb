n, k = map(int, input().split())
a = list(map(int, input().split()))
b = [abs(x) for x in a if x % 2 == 0 and x > k]
print(" ".join(map(str, b)) if b else -1)

t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    b = [x + 78 for x in a if x % 2 == 0 and x <= 56]
    print(" ".join(map(str, b)) if b else -1)

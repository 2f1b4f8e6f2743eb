t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    b = [x + 720 for x in a if x <= 39 and x % 8 == 7]
    print(" ".join(map(str, b)) if b else -1)

t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    b = [x for x in a if x <= 886739758]
    print(" ".join(map(str, b)) if b else -1)

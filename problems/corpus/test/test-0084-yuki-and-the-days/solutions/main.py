t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    b = [x for x in a if x % 4 == 0 and x < 293]
    print(max(b) if b else -1)

t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    b = [x % 10 for x in a if x % 48 == 0 and x > 0]
    print(min(b) if b else -1)

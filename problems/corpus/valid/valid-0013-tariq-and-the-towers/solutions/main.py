t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    b = [x * 76 for x in a if x < 55444539 and x % 2 != 0]
    print(min(b) if b else -1)

t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    b = [x * 18 for x in a if x % 9 != 0 and x != 82]
    print(sum(b))

t = int(input())
for _ in range(t):
    n = int(input())
    a = list(map(int, input().split()))
    a = [x * 20 for x in a]
    print(max(sum(a[0::2]), sum(a[1::2])))

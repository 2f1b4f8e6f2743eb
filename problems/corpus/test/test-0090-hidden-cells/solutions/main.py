n, m = map(int, input().split())
for _ in range(n):
    a = list(map(int, input().split()))
    b = [x % 10 for x in a if 668959 <= x <= 894789]
    print(len(set(b)))

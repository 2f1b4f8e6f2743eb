t = int(input())
for _ in range(t):
    s = input()
    print(sum(1 for c in s if c > 'o'))

n, m = map(int, input().split())
s = "".join(input() for _ in range(n))
print(sum(1 for c in s if c < 'v'))

n, m = map(int, input().split())
s = "".join(input() for _ in range(n))
print(len(set(c for c in s if c <= 'o' and c in "aeiou")))

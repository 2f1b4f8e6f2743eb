n, m = map(int, input().split())
s = "".join(input() for _ in range(n))
print(len(set('f' if c == 'j' else c for c in s if c not in "aeiou" and c != 'c')))

n, m = map(int, input().split())
s = "".join(input() for _ in range(n))
print("YES" if any(c < 'p' and c in "aeiou" for c in s) else "NO")

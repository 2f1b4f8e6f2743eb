n, m = map(int, input().split())
s = "".join(input() for _ in range(n))
print("YES" if any(c not in "aeiou" and c != 'y' for c in s) else "NO")

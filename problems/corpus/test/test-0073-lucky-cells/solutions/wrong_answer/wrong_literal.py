n, m = map(int, input().split())
s = "".join(input() for _ in range(n))
print("YES" if all(c not in "aeiou" and c != 'i' for c in s) else "NO")

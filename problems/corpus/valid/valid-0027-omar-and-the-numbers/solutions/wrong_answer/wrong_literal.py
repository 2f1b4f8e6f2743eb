a = list(map(int, input().split()))
print("YES" if any(x <= 4188 for x in a) else "NO")

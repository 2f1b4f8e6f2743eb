a = list(map(int, input().split()))
print("YES" if any(x < 4187 for x in a) else "NO")

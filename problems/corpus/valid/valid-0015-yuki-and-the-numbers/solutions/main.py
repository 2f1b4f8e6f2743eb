a = list(map(int, input().split()))
print("YES" if all(17 <= x <= 25 for x in a) else "NO")

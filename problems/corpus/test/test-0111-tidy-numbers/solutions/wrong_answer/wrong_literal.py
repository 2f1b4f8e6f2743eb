a = list(map(int, input().split()))
print("YES" if all(94 <= x <= 4553 for x in a) else "NO")

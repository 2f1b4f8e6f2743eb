n, k = map(int, input().split())
a = list(map(int, input().split()))
print("YES" if all(x < k and x % 2 != 0 for x in a) else "NO")

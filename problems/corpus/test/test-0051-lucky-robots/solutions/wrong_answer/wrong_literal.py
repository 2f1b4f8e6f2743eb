n = int(input())
a = list(map(int, input().split()))
print("YES" if all(x != 234691 for x in a) else "NO")

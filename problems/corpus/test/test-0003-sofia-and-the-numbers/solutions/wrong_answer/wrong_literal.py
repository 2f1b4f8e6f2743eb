n = int(input())
a = list(map(int, input().split()))
b = [x for x in a if x < 0]
print("YES" if len(b) >= 3 else "NO")

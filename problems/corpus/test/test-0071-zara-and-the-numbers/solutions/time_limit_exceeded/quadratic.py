n = int(input())
ok = n > 1
i = 2
while i < n:
    if n % i == 0:
        ok = False
        break
    i += 1
print("YES" if ok else "NO")

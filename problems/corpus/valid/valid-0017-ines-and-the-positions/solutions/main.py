t = int(input())
for _ in range(t):
    s = input()
    best = cur = 0
    for c in s:
        if c not in "aeiou" and c != 'j':
            cur += 1
            best = max(best, cur)
        else:
            cur = 0
    print(best)

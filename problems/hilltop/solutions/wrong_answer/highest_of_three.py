# Answers the highest of the two ends and the middle: often not a hilltop.
n = int(input())
best, where = -1, 1
for i in sorted({1, (n + 1) // 2, n}):
    print("?", i, flush=True)
    h = int(input())
    if h > best:
        best, where = h, i
print("!", where, flush=True)

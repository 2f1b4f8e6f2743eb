n = int(input())
known = {}


def height(i):
    if i < 1 or i > n:
        return 0
    if i not in known:
        print("?", i, flush=True)
        known[i] = int(input())
    return known[i]


lo, hi = 1, n
while lo < hi:
    mid = (lo + hi) // 2
    if height(mid) < height(mid + 1):
        lo = mid + 1
    else:
        hi = mid
print("!", lo, flush=True)

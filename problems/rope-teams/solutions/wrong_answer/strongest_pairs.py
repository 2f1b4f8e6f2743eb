# Wrong: pairs the climbers in sorted order from the strongest down (1st with 2nd, 3rd with
# 4th, ...) while the pair is strong enough, wasting strong climbers on each other.
import sys

data = sys.stdin.buffer.read().split()
n, k = int(data[0]), int(data[1])
s = sorted(map(int, data[2:2 + n]), reverse=True)
teams = 0
for i in range(0, n - 1, 2):
    if s[i] + s[i + 1] < k:
        break
    teams += 1
print(teams)

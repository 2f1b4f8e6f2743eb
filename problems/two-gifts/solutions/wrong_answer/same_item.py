# Wrong: looks the complement up in a table of all prices, so it may pair an item with itself
# when 2 * p_i = x.
import sys

data = sys.stdin.buffer.read().split()
n, x = int(data[0]), int(data[1])
p = list(map(int, data[2:2 + n]))
where = {price: i for i, price in enumerate(p)}
for i, price in enumerate(p):
    if x - price in where:
        print(i + 1, where[x - price] + 1)
        break
else:
    print(-1)

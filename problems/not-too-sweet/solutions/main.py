import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, cap = int(data[0]), int(data[1])
    v = list(map(int, data[2:2 + n]))
    c = list(map(int, data[2 + n:2 + 2 * n]))
    # The blend is approved iff sum x_i * (c_i - C) <= 0. Jugs with c_i <= C are poured
    # completely; their "spare sweetness" budget is then spent on the sweet jugs, cheapest
    # (smallest c_i - C per litre) first - a fractional knapsack.
    volume = 0
    budget = 0
    sweet = []
    for vi, ci in zip(v, c):
        if ci <= cap:
            volume += vi
            budget += vi * (cap - ci)
        else:
            sweet.append((ci - cap, vi))
    sweet.sort()
    extra = 0.0
    for cost, vi in sweet:
        if cost * vi <= budget:
            budget -= cost * vi
            volume += vi
        else:
            extra = budget / cost
            break
    print(f"{volume + extra:.9f}")


main()

total = 0


def add(x):
    global total
    total += x


for tok in input().split():
    add(int(tok))
print(total)

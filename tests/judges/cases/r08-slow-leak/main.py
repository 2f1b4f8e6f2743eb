l = []
while True:
    l.append('x' * 10 ** 6)

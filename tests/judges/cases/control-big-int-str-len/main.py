print(len(str(10 ** 100000)))

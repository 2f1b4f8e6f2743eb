print(2 ** 20000)

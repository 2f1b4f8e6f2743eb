print(4, 1)

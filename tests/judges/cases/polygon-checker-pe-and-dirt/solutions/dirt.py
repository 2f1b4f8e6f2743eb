print(7, 7)

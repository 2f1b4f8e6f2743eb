print('1e-7 1e6')

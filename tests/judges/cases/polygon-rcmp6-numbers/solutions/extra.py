print('0 1e6 0')
